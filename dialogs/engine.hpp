#pragma once
// The dialog engine: given what a citizen said and the conversation so far, decide the replies
// and the new conversation state. Pure: no network, no database, no clock of its own, so golden
// transcripts can drive it directly.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dialogs/content.hpp"
#include "dialogs/dossier_facts.hpp"
#include "dialogs/understanding.hpp"

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
    Input() = default;
    Input(Kind kind, std::string text) : kind(kind), text(std::move(text)) {}

    Kind kind = Kind::text;
    std::string text;
    // The dossier whose code the text names (Engine::dossier_code), when the bot found it;
    // absent when the code is unknown or the text names none.
    std::optional<DossierFacts> dossier;
    std::string today;  // YYYY-MM-DD in the deployment's time zone, for "overdue"
    // Engine::read's understanding of the text, when worked out ahead; else the turn does it.
    std::optional<Understanding> understanding;
};

// What a text says, worked out apart from its turn: it depends on the text and the content
// only, so the bot can read a message before it takes the store's one writer thread.
struct Reading {
    std::string dossier_code;                    // as Engine::dossier_code
    std::optional<Understanding> understanding;  // absent for a choice number, read in its menu
};

// A change the turn asks the bot to make in the store, as data so the turn stays pure.
struct Effect {
    enum class Kind { follow, unfollow, escalate };
    Kind kind = Kind::follow;
    std::string dossier_code;  // "" with unfollow: every dossier the contact follows
    // escalate (B5): hand the conversation to an officer of this unit and field. The turn says
    // nothing then: the bot words the outcome (which officer, or that none is available).
    std::string unit;       // a configured unit id, or "" when the deployment has several and none is known
    std::string procedure;  // the procedure the conversation is about, or ""
    std::string field;      // that procedure's field, or ""
    std::string question;   // the citizen's recent messages, oldest first
};

struct TurnResult {
    std::vector<Reply> replies;
    std::string state;   // opaque; hand it back on the contact's next turn
    std::string intent;  // one of SPEC §4.4's intents, for statistics
    std::string procedure;  // the procedure the conversation is about after the turn, or ""
    std::string unit;       // the unit the citizen named, remembered for the contact, or ""
    std::vector<Effect> effects;
};

class Engine {
public:
    // The bot reads a message's first this many characters, which hold any question a citizen
    // asks; beyond them it stops. Text in other scripts costs microseconds a character to
    // transliterate, and a request may carry 64 KiB of it: read whole, one message would hold
    // the store's only writer for a second. The message is still stored, and relayed, whole.
    static constexpr std::size_t max_read_characters = 1000;

    // units: the configured units; with several, an escalation asks which one first.
    explicit Engine(std::shared_ptr<const Content> content, std::vector<UnitName> units = {});
    // state is "" for a new contact.
    TurnResult turn(std::string_view state, const Input& input, const Medium& medium) const;
    // True when the text asks for the bot's menu ("menu", "quay lại"): what ends a handoff to
    // an officer (B5); anything else the citizen writes then is for the officer.
    bool returns_to_bot(std::string_view text) const;
    // The dossier code the turn would read in text, or "": the one to look up for Input::dossier.
    std::string dossier_code(std::string_view text) const;
    Reading read(std::string_view text) const;
    // What a follower of the dossier is sent when its status changed, rendered for the medium.
    std::vector<Reply> status_change_notice(const DossierFacts& dossier, const Medium& medium) const;

private:
    std::shared_ptr<const Content> content_;
    std::vector<UnitName> units_;
};

}  // namespace motcua::dialogs
