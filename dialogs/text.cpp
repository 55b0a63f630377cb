#include "dialogs/text.hpp"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <memory>
#include <stdexcept>

namespace motcua::dialogs {
namespace {

// GSM 03.38 default alphabet (basic table), in table order.
constexpr std::u16string_view kGsmBasic =
    u"@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    u"¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
// Characters reached through the escape code; each costs two septets.
constexpr std::u16string_view kGsmExtension = u"\f^{}\\[~]|€";

bool in_gsm_basic(UChar32 c) {
    return c <= 0xFFFF && kGsmBasic.find(static_cast<char16_t>(c)) != std::u16string_view::npos;
}

bool in_gsm_extension(UChar32 c) {
    return c <= 0xFFFF &&
           kGsmExtension.find(static_cast<char16_t>(c)) != std::u16string_view::npos;
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

icu::UnicodeString normalized(std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString out = nfc_normalizer().normalize(from_utf8(text), status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU NFC normalisation failed");
    return out;
}

// Transliterators keep per-call scratch state, so each thread gets its own.
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

}  // namespace

std::string nfc(std::string_view text) { return to_utf8(normalized(text)); }

std::string fold(std::string_view text) {
    icu::UnicodeString folded = normalized(text);
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

std::string to_gsm_ascii(std::string_view text) {
    icu::UnicodeString latin = normalized(text);
    to_latin_ascii(latin);
    icu::UnicodeString out;
    for (int32_t i = 0; i < latin.length(); i = latin.moveIndex32(i, 1)) {
        UChar32 c = latin.char32At(i);
        if (c == u'\r') continue;  // a line break is "\n" alone; "\r" would cost a septet
        if (in_gsm_basic(c)) {
            out.append(c);
            continue;
        }
        std::u16string_view replacement = gsm_replacement(c);
        if (replacement.empty() && u_isWhitespace(c)) replacement = u" ";
        out.append(replacement.data(), static_cast<int32_t>(replacement.size()));
    }
    return to_utf8(out);
}

bool is_gsm7(std::string_view text) {
    icu::UnicodeString u = from_utf8(text);
    for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
        UChar32 c = u.char32At(i);
        if (!in_gsm_basic(c) && !in_gsm_extension(c)) return false;
    }
    return true;
}

std::size_t sms_segments(std::string_view text) {
    if (text.empty()) return 0;
    icu::UnicodeString u = from_utf8(text);
    const bool gsm = is_gsm7(text);
    const std::size_t single = gsm ? 160 : 70;
    const std::size_t part = gsm ? 153 : 67;
    // Each unit is one character's cost: septets for GSM-7, UTF-16 units for UCS-2. A unit is
    // never split across parts, so parts are packed greedily rather than divided.
    std::size_t total = 0;
    std::size_t segments = 1;
    std::size_t used = 0;
    for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
        UChar32 c = u.char32At(i);
        std::size_t cost = gsm ? (in_gsm_extension(c) ? 2 : 1) : static_cast<std::size_t>(U16_LENGTH(c));
        total += cost;
        if (used + cost > part) {
            ++segments;
            used = 0;
        }
        used += cost;
    }
    return total <= single ? 1 : segments;
}

std::size_t code_points(std::string_view text) {
    icu::UnicodeString u = from_utf8(text);
    return static_cast<std::size_t>(u.countChar32());
}

}  // namespace motcua::dialogs
