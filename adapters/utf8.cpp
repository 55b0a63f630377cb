#include "adapters/utf8.hpp"

#include <vector>

namespace motcua::adapters {
namespace {

// The length of the well-formed sequence starting at text[i] and its code point, or 0.
std::size_t sequence_at(std::string_view text, std::size_t i, char32_t& code_point) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    unsigned char lead = byte(i);
    std::size_t length = 0;
    char32_t min = 0;
    if (lead < 0x80) {
        code_point = lead;
        return 1;
    } else if (lead >= 0xc2 && lead <= 0xdf) {
        length = 2, min = 0x80, code_point = lead & 0x1f;
    } else if (lead >= 0xe0 && lead <= 0xef) {
        length = 3, min = 0x800, code_point = lead & 0x0f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
        length = 4, min = 0x10000, code_point = lead & 0x07;
    } else {
        return 0;
    }
    if (i + length > text.size()) return 0;
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xc0) != 0x80) return 0;
        code_point = (code_point << 6) | (byte(i + k) & 0x3f);
    }
    if (code_point < min || code_point > 0x10ffff) return 0;
    if (code_point >= 0xd800 && code_point <= 0xdfff) return 0;
    return length;
}

bool is_combining_mark(char32_t c) {
    return (c >= 0x0300 && c <= 0x036f) || (c >= 0x1ab0 && c <= 0x1aff) ||
           (c >= 0x1dc0 && c <= 0x1dff) || (c >= 0x20d0 && c <= 0x20ff) ||
           (c >= 0xfe20 && c <= 0xfe2f);
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
    char32_t code_point = 0;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t length = sequence_at(text, i, code_point);
        if (length == 0) return false;
        i += length;
    }
    return true;
}

std::string shorten_utf8(std::string_view text, std::size_t max_characters) {
    // Where each code point starts, and whether it is a combining mark.
    std::vector<std::size_t> starts;
    std::vector<bool> marks;
    char32_t code_point = 0;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t length = sequence_at(text, i, code_point);
        if (length == 0) length = 1;  // invalid input: count stray bytes as characters
        starts.push_back(i);
        marks.push_back(is_combining_mark(code_point) && length > 1);
        i += length;
    }
    if (starts.size() <= max_characters) return std::string(text);
    if (max_characters == 0) return {};
    // Keep max_characters - 1 code points and the ellipsis, cutting before a whole cluster.
    std::size_t keep = max_characters - 1;
    while (keep > 0 && marks[keep]) --keep;
    return std::string(text.substr(0, starts[keep])) + "…";
}

}  // namespace motcua::adapters
