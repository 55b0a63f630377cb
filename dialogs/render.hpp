#pragma once
// Turns what the engine wants to say into what the citizen's channel can show: numbered choices
// in the text always, buttons where the channel has them, diacritics only where they are
// affordable, and long texts cut on line or sentence boundaries.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "dialogs/engine.hpp"

namespace motcua::dialogs {

// One answer before rendering.
struct Message {
    std::string body;                  // lines separated by "\n"
    std::vector<std::string> choices;  // shown numbered from 1 after the body
    std::string footer;                // a line after the choices, or ""
};

struct Rendering {
    std::vector<Reply> replies;        // to send now
    std::vector<std::string> pending;  // further SMS parts, each sent when the citizen asks
};

// The continuation line of SMS part `page` (from 1) of `pages`, before any GSM conversion.
using MorePrompt = std::function<std::string(std::size_t page, std::size_t pages)>;

// At most this many choices become buttons (Zalo's template limit).
constexpr std::size_t kMaxButtons = 5;

// SMS: one reply of at most medium.max_segments segments; the rest, ended like the first part
// by more_prompt, goes to pending. Other media: replies of at most medium.max_chars code
// points, buttons (when medium.buttons) on the last one.
Rendering render(const Message& message, const Medium& medium, const MorePrompt& more_prompt);

// Cuts text into parts that each satisfy fits, at line ends where possible, else after a
// sentence, else between words, else between characters. A part that cannot fit even one
// character alone holds that one character.
std::vector<std::string> split_to_fit(const std::string& text,
                                      const std::function<bool(const std::string&)>& fits);

}  // namespace motcua::dialogs
