#pragma once
// Vietnamese text as the bot meets it: composed or decomposed, with or without diacritics, and
// SMS, where one stray character turns a cheap GSM-7 message into three times as many UCS-2
// segments.
#include <cstddef>
#include <string>
#include <string_view>

namespace motcua::dialogs {

// UTF-8 in Unicode Normalization Form C. Invalid UTF-8 bytes become U+FFFD.
std::string nfc(std::string_view text);

// The form phrases are compared in: NFC, lower case, no diacritics, đ→d, every character that
// is not a letter or digit turned into a space, runs of spaces collapsed, no leading/trailing
// space. "Đăng ký KHAI TỬ!" → "dang ky khai tu".
std::string fold(std::string_view text);

// Text an SMS can carry in GSM-7 without switching to UCS-2: diacritics stripped keeping case
// (đ/Đ → d/D), typographic quotes, dashes, ellipsis and unusual spaces made ASCII, GSM-7
// extension characters replaced by basic ones, other scripts transliterated to Latin, and what
// is left outside the GSM-7 basic set (emoji, controls) dropped. Line breaks are kept.
std::string to_gsm_ascii(std::string_view text);

// True when every character is in the GSM-7 basic set or its extension table.
bool is_gsm7(std::string_view text);

// The number of SMS segments the text needs: GSM-7 when is_gsm7 (160 septets in one segment,
// 153 per part when concatenated, extension characters taking two septets and never split),
// otherwise UCS-2 (70 UTF-16 units, 67 per part, surrogate pairs never split). "" needs 0.
std::size_t sms_segments(std::string_view text);

// sms_segments of a text that grows: appending costs the appended characters only, so text
// cut into SMS parts is measured in one pass. Pieces must not split a UTF-8 sequence.
class SmsLength {
public:
    void append(std::string_view text);
    std::size_t segments() const;

private:
    // Greedy packing of unsplittable characters into concatenated parts.
    struct Packing {
        std::size_t total = 0;     // septets or UTF-16 units in all
        std::size_t segments = 1;  // parts when concatenated
        std::size_t used = 0;      // in the last part
        void add(std::size_t cost, std::size_t part);
    };
    bool gsm_ = true;  // every character so far is GSM-7
    Packing septets_;  // the GSM-7 measure, while gsm_
    Packing units_;    // the UCS-2 measure
};

// The number of Unicode code points, the unit of Zalo's 2,000-character limit.
std::size_t code_points(std::string_view text);

// The first max_characters code points of text, or all of it when shorter; an ill-formed
// sequence counts as one.
std::string_view leading_characters(std::string_view text, std::size_t max_characters);

}  // namespace motcua::dialogs
