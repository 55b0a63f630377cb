#pragma once
// Conversations handed to an officer (B5-B7), each with its history: created, forwarded,
// reassigned, answered, relayed, closed, returned to bot. The escalation's id is the number the
// officer answers with ("#123"). The bot decides; this records.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/message.hpp"
#include "store/session.hpp"

namespace motcua::store {

enum class EscalationState { open, answered, closed };
std::string_view escalation_state_name(EscalationState state);  // "open", "answered", "closed"
std::optional<EscalationState> parse_escalation_state(std::string_view name);

struct Escalation {
    std::int64_t id = 0;
    EscalationState state = EscalationState::open;
    std::string officer;    // the officer id it is with now
    std::string unit;
    std::string procedure;  // a catalog id, or ""
    std::string field;      // a catalog field id, or ""
    Channel channel = Channel::sms;
    std::string contact;    // the citizen
    std::string question;
    bool handoff = true;    // the citizen's messages go to the officer, not the dialogs
    std::int64_t created_at_ms = 0;
    std::optional<std::int64_t> answered_at_ms;  // the officer's first answer
    std::optional<std::int64_t> closed_at_ms;
    std::int64_t last_activity_at_ms = 0;
};

struct EscalationEvent {
    std::string event;  // created, forwarded, reassigned, answered, relayed, closed, returned_to_bot
    std::string detail;
    std::int64_t at_ms = 0;
};

// A new open escalation in handoff, with its "created" event; returns its id.
std::int64_t open_escalation(Transaction& tx, const Escalation& escalation, std::int64_t now_ms);
std::optional<Escalation> find_escalation(Session& s, std::int64_t id);
// The contact's newest escalation that is not closed, if any.
std::optional<Escalation> current_escalation(Session& s, Channel channel, const std::string& contact);
// Every escalation, or those in one state, oldest first.
std::vector<Escalation> list_escalations(Session& s, std::optional<EscalationState> state);
// The officer's escalations that are open or answered, oldest first.
std::vector<Escalation> live_escalations_of(Session& s, const std::string& officer);
std::int64_t count_escalations(Session& s, EscalationState state);

void record_escalation_event(Transaction& tx, std::int64_t id, std::string_view event, const std::string& detail,
                             std::int64_t now_ms);
std::vector<EscalationEvent> escalation_history(Session& s, std::int64_t id);  // oldest first

// State changes; each also counts as activity (what the handoff's idle time runs from).
void mark_escalation_answered(Transaction& tx, std::int64_t id, std::int64_t now_ms);  // keeps the first answer time
void close_escalation(Transaction& tx, std::int64_t id, std::int64_t now_ms);          // also ends the handoff
void set_escalation_handoff(Transaction& tx, std::int64_t id, bool handoff, std::int64_t now_ms);
void reassign_escalation(Transaction& tx, std::int64_t id, const std::string& officer, std::int64_t now_ms);
void touch_escalation(Transaction& tx, std::int64_t id, std::int64_t now_ms);

// The citizen's messages waiting for the next forward to the officer.
void add_escalation_followup(Transaction& tx, std::int64_t id, const std::string& text, std::int64_t now_ms);
// The waiting messages, oldest first, marked forwarded.
std::vector<std::string> take_escalation_followups(Transaction& tx, std::int64_t id, std::int64_t now_ms);

}  // namespace motcua::store
