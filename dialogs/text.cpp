#include "dialogs/text.hpp"

#include <unicode/bytestream.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>

namespace motcua::dialogs {
namespace {

// GSM 03.38 default alphabet (basic table), in table order.
constexpr std::u16string_view kGsmBasic =
    u"@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    u"¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
// Characters reached through the escape code; each costs two septets.
constexpr std::u16string_view kGsmExtension = u"\f^{}\\[~]|€";

enum class Gsm : unsigned char { none, basic, extension };

// Every GSM-7 character but the euro sign lies below U+0400, so one table answers for them.
constexpr char16_t kEuro = u'€';
constexpr std::size_t kGsmTableSize = 0x400;

constexpr bool gsm_table_holds_alphabet() {
    for (char16_t c : kGsmBasic) {
        if (c >= kGsmTableSize) return false;
    }
    for (char16_t c : kGsmExtension) {
        if (c >= kGsmTableSize && c != kEuro) return false;
    }
    return true;
}
static_assert(gsm_table_holds_alphabet());

constexpr std::array<Gsm, kGsmTableSize> gsm_table() {
    std::array<Gsm, kGsmTableSize> table{};
    for (char16_t c : kGsmBasic) table[c] = Gsm::basic;
    for (char16_t c : kGsmExtension) {
        if (c < kGsmTableSize) table[c] = Gsm::extension;
    }
    return table;
}
constexpr std::array<Gsm, kGsmTableSize> kGsmTable = gsm_table();

Gsm gsm_class(UChar32 c) {
    if (c >= 0 && static_cast<std::size_t>(c) < kGsmTableSize) return kGsmTable[c];
    return c == kEuro ? Gsm::extension : Gsm::none;
}

// Calls go_on(c) for the code points of text until it returns false; an ill-formed sequence
// counts as one U+FFFD, as ICU's UTF-8 conversions read it. False when go_on stopped.
template <typename GoOn>
bool all_code_points(std::string_view text, GoOn go_on) {
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    for (std::size_t i = 0; i < text.size();) {
        UChar32 c;
        U8_NEXT_OR_FFFD(bytes, i, text.size(), c);
        if (!go_on(c)) return false;
    }
    return true;
}

template <typename Each>
void for_each_code_point(std::string_view text, Each each) {
    all_code_points(text, [&](UChar32 c) {
        each(c);
        return true;
    });
}

bool is_ascii(std::string_view text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool is_valid_utf8(std::string_view text) {
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    for (std::size_t i = 0; i < text.size();) {
        UChar32 c;
        U8_NEXT(bytes, i, text.size(), c);
        if (c < 0) return false;
    }
    return true;
}

icu::UnicodeString from_utf8(std::string_view text) {
    return icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
}

std::string to_utf8(const icu::UnicodeString& text) {
    std::string out;
    text.toUTF8String(out);
    return out;
}

const icu::Normalizer2& nfc_normalizer() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normalizer = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU NFC data unavailable");
    return *normalizer;
}

const icu::Normalizer2& nfd_normalizer() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normalizer = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU NFD data unavailable");
    return *normalizer;
}

icu::UnicodeString normalized(std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString out = nfc_normalizer().normalize(from_utf8(text), status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU NFC normalisation failed");
    return out;
}

// Transliterators keep per-call scratch state and must not be shared between threads (ICU's
// translit.h), so each thread builds its own, once.
void to_latin_ascii(icu::UnicodeString& text) {
    thread_local std::unique_ptr<icu::Transliterator> transliterator = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
            "Any-Latin; NFD; [:Nonspacing Mark:] Remove; NFC; Latin-ASCII", UTRANS_FORWARD,
            status));
        if (U_FAILURE(status) || !t) throw std::runtime_error("ICU Latin-ASCII unavailable");
        return t;
    }();
    transliterator->transliterate(text);
}

// Replacements for what Latin-ASCII leaves outside the GSM-7 basic table.
std::u16string_view gsm_replacement(UChar32 c) {
    switch (c) {
        case u'\t': return u" ";
        case u'`': return u"'";
        case u'[': case u'{': return u"(";
        case u']': case u'}': return u")";
        case u'\\': case u'|': return u"/";
        case u'~': return u"-";
        case u'€': return u"EUR";
        case u'₫': return u"d";
        default: return {};
    }
}

// fold and to_gsm_ascii by way of ICU, for text of any script (already in NFC).
std::string fold_transliterated(std::string_view composed) {
    icu::UnicodeString folded = from_utf8(composed);
    folded.toLower(icu::Locale::getRoot());
    to_latin_ascii(folded);
    icu::UnicodeString out;
    bool pending_space = false;
    for (int32_t i = 0; i < folded.length(); i = folded.moveIndex32(i, 1)) {
        UChar32 c = folded.char32At(i);
        if (!u_isalnum(c)) {
            pending_space = true;
            continue;
        }
        if (pending_space && !out.isEmpty()) out.append(u' ');
        pending_space = false;
        out.append(u_tolower(c));
    }
    return to_utf8(out);
}

std::string gsm_transliterated(std::string_view composed) {
    icu::UnicodeString latin = from_utf8(composed);
    to_latin_ascii(latin);
    icu::UnicodeString out;
    for (int32_t i = 0; i < latin.length(); i = latin.moveIndex32(i, 1)) {
        UChar32 c = latin.char32At(i);
        if (c == u'\r') continue;  // a line break is "\n" alone; "\r" would cost a septet
        if (gsm_class(c) == Gsm::basic) {
            out.append(c);
            continue;
        }
        std::u16string_view replacement = gsm_replacement(c);
        if (replacement.empty() && u_isWhitespace(c)) replacement = u" ";
        out.append(replacement.data(), static_cast<int32_t>(replacement.size()));
    }
    return to_utf8(out);
}

// What fold and to_gsm_ascii make of a character that ICU transliterates the same whatever
// surrounds it: ASCII, a Latin letter whose canonical decomposition is an ASCII letter and
// nonspacing marks (every Vietnamese letter), đ and Đ. Vietnamese text is made of these alone,
// so it is read through a table rather than a transliterator; the table's entries are ICU's
// own answers, asked once per character.
struct Plain {
    bool known = false;
    char folded = 0;  // fold's letter or digit, or 0 for a character that separates words
    char gsm = 0;     // to_gsm_ascii's character, or 0 for one it drops
};

// The Latin blocks holding the letters of Plain: Latin-1 to Latin Extended-B, and Latin
// Extended Additional (the Vietnamese letters with two marks).
constexpr UChar32 kLatinEnd = 0x250;
constexpr UChar32 kLatinAdditional = 0x1E00;
constexpr UChar32 kLatinAdditionalEnd = 0x1F00;

bool is_marked_ascii_letter(UChar32 c) {
    if (c == u'đ' || c == u'Đ') return true;
    icu::UnicodeString decomposition;
    if (!nfd_normalizer().getDecomposition(c, decomposition)) return false;
    const UChar32 base = decomposition.char32At(0);
    if (!((base >= 'a' && base <= 'z') || (base >= 'A' && base <= 'Z'))) return false;
    for (int32_t i = 1; i < decomposition.length(); i = decomposition.moveIndex32(i, 1)) {
        if (u_charType(decomposition.char32At(i)) != U_NON_SPACING_MARK) return false;
    }
    return true;
}

Plain plain_entry(UChar32 c) {
    if (c >= 0x80 && !is_marked_ascii_letter(c)) return {};
    std::string alone;
    icu::UnicodeString(c).toUTF8String(alone);
    const std::string folded = fold_transliterated(alone);
    const std::string gsm = gsm_transliterated(alone);
    if (folded.size() > 1 || gsm.size() > 1) return {};
    return {true, folded.empty() ? '\0' : folded[0], gsm.empty() ? '\0' : gsm[0]};
}

class PlainTable {
public:
    PlainTable() {
        for (UChar32 c = 0; c < kLatinEnd; ++c) latin_[c] = plain_entry(c);
        for (UChar32 c = kLatinAdditional; c < kLatinAdditionalEnd; ++c) {
            additional_[c - kLatinAdditional] = plain_entry(c);
        }
    }

    // The entry of c, or null when c is not a Plain character.
    const Plain* find(UChar32 c) const {
        const Plain* entry = nullptr;
        if (c >= 0 && c < kLatinEnd) entry = &latin_[c];
        if (c >= kLatinAdditional && c < kLatinAdditionalEnd) {
            entry = &additional_[c - kLatinAdditional];
        }
        return entry && entry->known ? entry : nullptr;
    }

private:
    std::array<Plain, kLatinEnd> latin_;
    std::array<Plain, kLatinAdditionalEnd - kLatinAdditional> additional_;
};

const PlainTable& plain_table() {
    static const PlainTable table;
    return table;
}

// fold of text in NFC, when every character of it is Plain. Each character gives at most one
// byte and a space, never more than its own UTF-8 bytes, so the result is written in place.
std::optional<std::string> fold_plain(std::string_view composed) {
    const PlainTable& table = plain_table();
    std::string out(composed.size(), '\0');
    std::size_t length = 0;
    bool pending_space = false;
    const bool plain = all_code_points(composed, [&](UChar32 c) {
        const Plain* entry = table.find(c);
        if (!entry) return false;
        if (!entry->folded) {
            pending_space = true;
            return true;
        }
        if (pending_space && length > 0) out[length++] = ' ';
        pending_space = false;
        out[length++] = entry->folded;
        return true;
    });
    if (!plain) return std::nullopt;
    out.resize(length);
    return out;
}

// to_gsm_ascii of text in NFC, when every character of it is Plain.
std::optional<std::string> gsm_plain(std::string_view composed) {
    const PlainTable& table = plain_table();
    std::string out(composed.size(), '\0');
    std::size_t length = 0;
    const bool plain = all_code_points(composed, [&](UChar32 c) {
        const Plain* entry = table.find(c);
        if (!entry) return false;
        if (entry->gsm) out[length++] = entry->gsm;
        return true;
    });
    if (!plain) return std::nullopt;
    out.resize(length);
    return out;
}

}  // namespace

std::string nfc(std::string_view text) {
    if (is_ascii(text)) return std::string(text);  // ASCII is its own NFC
    // Valid UTF-8 is normalised as it is; ill-formed bytes must first become U+FFFD.
    if (!is_valid_utf8(text)) return to_utf8(normalized(text));
    std::string out;
    icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(text.size()));
    UErrorCode status = U_ZERO_ERROR;
    nfc_normalizer().normalizeUTF8(
        0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink, nullptr, status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU NFC normalisation failed");
    return out;
}

std::string fold(std::string_view text) {
    const std::string composed = nfc(text);
    if (std::optional<std::string> plain = fold_plain(composed)) return *std::move(plain);
    return fold_transliterated(composed);
}

std::string to_gsm_ascii(std::string_view text) {
    const std::string composed = nfc(text);
    if (std::optional<std::string> plain = gsm_plain(composed)) return *std::move(plain);
    return gsm_transliterated(composed);
}

bool is_gsm7(std::string_view text) {
    return all_code_points(text, [](UChar32 c) { return gsm_class(c) != Gsm::none; });
}

void SmsLength::Packing::add(std::size_t cost, std::size_t part) {
    total += cost;
    if (used + cost > part) {
        ++segments;
        used = 0;
    }
    used += cost;
}

// Each character is one unit of cost: septets for GSM-7, UTF-16 units for UCS-2. A unit is
// never split across parts, so parts are packed greedily rather than divided.
void SmsLength::append(std::string_view text) {
    for_each_code_point(text, [&](UChar32 c) {
        const Gsm gsm = gsm_class(c);
        gsm_ = gsm_ && gsm != Gsm::none;
        if (gsm_) septets_.add(gsm == Gsm::extension ? 2 : 1, 153);
        units_.add(static_cast<std::size_t>(U16_LENGTH(c)), 67);
    });
}

std::size_t SmsLength::segments() const {
    const Packing& packing = gsm_ ? septets_ : units_;
    if (packing.total == 0) return 0;
    return packing.total <= (gsm_ ? 160 : 70) ? 1 : packing.segments;
}

std::size_t sms_segments(std::string_view text) {
    SmsLength length;
    length.append(text);
    return length.segments();
}

std::size_t code_points(std::string_view text) {
    std::size_t count = 0;
    for_each_code_point(text, [&](UChar32) { ++count; });
    return count;
}

std::string_view leading_characters(std::string_view text, std::size_t max_characters) {
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    std::size_t end = 0;
    for (std::size_t taken = 0; taken < max_characters && end < text.size(); ++taken) {
        UChar32 c;
        U8_NEXT_OR_FFFD(bytes, end, text.size(), c);
    }
    return text.substr(0, end);
}

}  // namespace motcua::dialogs
