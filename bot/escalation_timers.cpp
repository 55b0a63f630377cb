// The timers of an escalation. Each checks, in the transaction that claimed it, that the case
// is still as it was when the timer was set, so a timer overtaken by events does nothing.
#include <set>
#include <stdexcept>

#include "bot/escalation_desk.hpp"
#include "bot/log.hpp"
#include "bot/officer_routing.hpp"

namespace motcua::bot {

void EscalationDesk::fire(store::Transaction& tx, const store::Timer& timer, std::int64_t now_ms) const {
    if (timer.kind == ack_timer) return on_ack_timeout(tx, timer, now_ms);
    if (timer.kind == idle_timer) return on_idle(tx, timer, now_ms);
    if (timer.kind == forward_timer) return on_forward(tx, timer, now_ms);
    throw std::invalid_argument("unknown timer kind '" + timer.kind + "'");
}

// B7: still unanswered by the officer the timer was set for: the case passes on.
void EscalationDesk::on_ack_timeout(store::Transaction& tx, const store::Timer& timer, std::int64_t now_ms) const {
    const auto escalation = store::find_escalation(tx, timer.subject);
    if (!escalation || escalation->state != store::EscalationState::open || escalation->officer != timer.detail)
        return;
    const auto current = store::find_officer(tx, escalation->officer);
    const auto officers = store::list_officers(tx);
    // Each officer who had the case had an ack timer: none gets it twice.
    const auto had = store::timer_details(tx, ack_timer, escalation->id);
    const std::set<std::string> tried(had.begin(), had.end());
    const auto next = current ? next_officer(officers, *current, escalation->unit, escalation->field, tried)
                              : route_escalation(officers, escalation->unit, escalation->field, tried);
    if (!next) {
        store::record_escalation_event(tx, escalation->id, "unanswered",
                                       "no other active officer for unit " + escalation->unit, now_ms);
        return;
    }
    const std::string previous = current ? current->name : escalation->officer;
    store::reassign_escalation(tx, escalation->id, next->id, now_ms);
    store::record_escalation_event(tx, escalation->id, "reassigned",
                                   "from officer " + escalation->officer + " to officer " + next->id, now_ms);
    store::schedule_timer(tx, ack_timer, escalation->id, after(settings_.ack_timeout_s, now_ms), next->id);
    brief(tx, *next, *escalation, previous, now_ms);
    to_citizen(tx, *escalation,
               wording_.reassigned(escalation->id, previous, card(*next), settings_.hours, week_time(now_ms),
                                   media_.of(escalation->channel)),
               now_ms);
    log::info("escalation_reassigned", {{"id", std::to_string(escalation->id)}, {"officer", next->id}});
}

// The handoff has been quiet for handoff_idle_s: the case ends and the bot takes over again.
// Activity since the timer was set moves it to the new end of the quiet time instead.
void EscalationDesk::on_idle(store::Transaction& tx, const store::Timer& timer, std::int64_t now_ms) const {
    const auto escalation = store::find_escalation(tx, timer.subject);
    if (!escalation || escalation->state == store::EscalationState::closed) return;
    const auto quiet_until = after(settings_.handoff_idle_s, escalation->last_activity_at_ms);
    if (quiet_until > now_ms) {
        store::schedule_timer(tx, idle_timer, escalation->id, quiet_until, "");
        return;
    }
    store::close_escalation(tx, escalation->id, now_ms);
    store::record_escalation_event(tx, escalation->id, "closed", "no activity", now_ms);
    if (!escalation->handoff) return;  // the citizen is with the bot already
    store::record_escalation_event(tx, escalation->id, "returned_to_bot", "no activity", now_ms);
    to_citizen(tx, *escalation, wording_.idle(escalation->id, media_.of(escalation->channel)), now_ms);
}

// The citizen's follow-ups gathered since the first of them, in one SMS to the officer.
void EscalationDesk::on_forward(store::Transaction& tx, const store::Timer& timer, std::int64_t now_ms) const {
    const auto escalation = store::find_escalation(tx, timer.subject);
    if (!escalation || escalation->state == store::EscalationState::closed) return;
    const auto texts = store::take_escalation_followups(tx, escalation->id, now_ms);
    if (texts.empty()) return;
    const auto officer = store::find_officer(tx, escalation->officer);
    if (!officer) return;
    to_officer(tx, officer->phone, wording_.forwarded(escalation->id, texts, media_.sms), now_ms);
    store::record_escalation_event(tx, escalation->id, "forwarded",
                                   std::to_string(texts.size()) + " message(s) to officer " + officer->id, now_ms);
}

}  // namespace motcua::bot
