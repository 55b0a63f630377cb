#pragma once
// The dialog engine: given what a citizen said and the conversation so far, decide the replies
// and the new conversation state. Pure: no network, no database, no clock of its own, so golden
// transcripts can drive it directly.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dialogs/content.hpp"

namespace motcua::dialogs {

// How the citizen's channel shows text.
struct Medium {
    bool sms = false;               // SMS: plain numbered text, segment-limited
    bool unicode = true;            // SMS only: false strips diacritics and non-GSM-7 characters
    int max_segments = 3;           // SMS only: segments per reply; the rest is a continuation
    bool buttons = false;           // choices are also shown as buttons (Zalo)
    std::size_t max_chars = 2000;   // longest single message the channel takes (Zalo: 2,000)
};

struct Choice {
    std::string title;
    std::string payload;  // what the citizen would have typed
};

struct Reply {
    std::string text;             // fully rendered for the medium
    std::vector<Choice> choices;  // only when medium.buttons
};

struct Input {
    enum class Kind { text, follow, unsupported };
    Kind kind = Kind::text;
    std::string text;
};

struct TurnResult {
    std::vector<Reply> replies;
    std::string state;   // opaque; hand it back on the contact's next turn
    std::string intent;  // one of SPEC §4.4's intents, for statistics
};

class Engine {
public:
    explicit Engine(std::shared_ptr<const Content> content);
    // state is "" for a new contact.
    TurnResult turn(std::string_view state, const Input& input, const Medium& medium) const;

private:
    std::shared_ptr<const Content> content_;
};

}  // namespace motcua::dialogs
