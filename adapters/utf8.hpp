#pragma once
// Gateways hand over bytes; the rest of the bot assumes UTF-8 text. These checks keep a
// malformed byte from travelling further than the webhook that brought it.
#include <cstddef>
#include <string>
#include <string_view>

namespace motcua::adapters {

// Well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view text);

// At most `max_characters` code points of valid UTF-8 `text`, ending with "…" when shortened.
// A letter is never separated from the combining marks that follow it, so decomposed (NFD)
// Vietnamese keeps its tones.
std::string shorten_utf8(std::string_view text, std::size_t max_characters);

}  // namespace motcua::adapters
