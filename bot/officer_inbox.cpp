// B6: what an officer's SMS does. "#N text" answers case N (relayed to the citizen, who reads
// the officer's name), "#N xong" closes it; without "#N", the officer's one live case is meant,
// and with several the officer is asked which. Only the case's current officer may answer it.
#include "bot/case_reference.hpp"
#include "bot/escalation_desk.hpp"
#include "bot/log.hpp"
#include "dialogs/escalation_wording.hpp"
#include "dialogs/text.hpp"

namespace motcua::bot {
namespace {

// The officer wrote about a case this long: the history keeps the start of each answer.
constexpr std::size_t kHistoryChars = 160;

}  // namespace

void EscalationDesk::officer_message(store::Transaction& tx, const store::Officer& officer, const Inbound& message,
                                     std::int64_t now_ms) const {
    const auto hint = [&](dialogs::OfficerHint kind, std::vector<std::int64_t> numbers) {
        to_officer(tx, officer.phone, wording_.hint(kind, numbers, media_.sms), now_ms);
    };
    if (const auto reference = read_case_reference(message.text)) {
        const std::int64_t number = reference->number;
        const auto escalation = store::find_escalation(tx, number);
        if (!escalation || escalation->officer != officer.id) {
            log::warn("officer_reply_to_unknown_case", {{"officer", officer.id}, {"number", std::to_string(number)}});
            return hint(dialogs::OfficerHint::unknown_number, {number});
        }
        if (escalation->state == store::EscalationState::closed)
            return hint(dialogs::OfficerHint::already_closed, {number});
        return answer(tx, officer, *escalation, std::string(reference->rest), now_ms);
    }
    const auto live = store::live_escalations_of(tx, officer.id);
    if (live.size() == 1) return answer(tx, officer, live.front(), message.text, now_ms);
    if (live.empty()) return hint(dialogs::OfficerHint::none_open, {});
    std::vector<std::int64_t> numbers;
    for (const auto& e : live) numbers.push_back(e.id);
    hint(dialogs::OfficerHint::which, numbers);
}

void EscalationDesk::answer(store::Transaction& tx, const store::Officer& officer, const store::Escalation& escalation,
                            const std::string& text, std::int64_t now_ms) const {
    const dialogs::Medium& citizen_medium = media_.of(escalation.channel);
    const std::string folded = dialogs::fold(text);
    if (folded == "xong") {
        store::close_escalation(tx, escalation.id, now_ms);
        store::record_escalation_event(tx, escalation.id, "closed", "by officer " + officer.id, now_ms);
        to_citizen(tx, escalation, wording_.done(escalation.id, officer.name, citizen_medium), now_ms);
        to_officer(tx, officer.phone, wording_.hint(dialogs::OfficerHint::closed, {escalation.id}, media_.sms), now_ms);
        return;
    }
    if (folded.empty()) {
        to_officer(tx, officer.phone, wording_.hint(dialogs::OfficerHint::empty_answer, {escalation.id}, media_.sms),
                   now_ms);
        return;
    }
    if (!escalation.answered_at_ms)
        store::record_escalation_event(tx, escalation.id, "answered", "by officer " + officer.id, now_ms);
    store::mark_escalation_answered(tx, escalation.id, now_ms);
    store::record_escalation_event(tx, escalation.id, "relayed", dialogs::shortened(text, kHistoryChars), now_ms);
    to_citizen(tx, escalation, wording_.relayed(officer.name, text, citizen_medium), now_ms);
}

}  // namespace motcua::bot
