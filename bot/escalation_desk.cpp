#include "bot/escalation_desk.hpp"

#include <algorithm>
#include <cmath>

#include "adapters/phone.hpp"
#include "bot/case_reference.hpp"
#include "bot/local_time.hpp"
#include "bot/log.hpp"
#include "bot/officer_routing.hpp"
#include "store/conversations.hpp"
#include "store/outbox.hpp"

namespace motcua::bot {

EscalationSettings escalation_settings(const Config& config) {
    // The config check accepted office_hours already; "always" stands in should it not parse.
    return {config.escalation.ack_timeout_s, config.escalation.handoff_idle_s,
            dialogs::parse_office_hours(config.office_hours).value_or(dialogs::OfficeHours{true, {}, {}}),
            config.timezone, config.units};
}

EscalationDesk::EscalationDesk(const dialogs::Engine& dialogs, const dialogs::EscalationWording& wording,
                               ChannelMedia media, EscalationSettings settings)
    : dialogs_(dialogs), wording_(wording), media_(std::move(media)), settings_(std::move(settings)) {}

bool EscalationDesk::take_officer_message(store::Transaction& tx, const Inbound& message, std::int64_t now_ms) const {
    if (message.kind != Inbound::Kind::text || message.channel != Channel::sms) return false;
    if (auto officer = store::find_active_officer_by_phone(tx, message.contact)) {
        officer_message(tx, *officer, message, now_ms);
        return true;
    }
    if (read_case_reference(message.text))
        log::warn("officer_reply_from_stranger", {{"contact", adapters::mask_phone(message.contact)}});
    return false;
}

bool EscalationDesk::take_follow_up(store::Transaction& tx, const Inbound& message, std::int64_t now_ms) const {
    if (message.kind != Inbound::Kind::text) return false;
    const auto escalation = store::current_escalation(tx, message.channel, message.contact);
    if (!escalation || !escalation->handoff) return false;
    if (dialogs_.returns_to_bot(message.text)) {
        store::set_escalation_handoff(tx, escalation->id, false, now_ms);
        store::record_escalation_event(tx, escalation->id, "returned_to_bot", "the citizen asked for the menu", now_ms);
        return false;
    }
    store::add_escalation_followup(tx, escalation->id, message.text, now_ms);
    store::touch_escalation(tx, escalation->id, now_ms);
    // Messages arriving close together go to the officer as one SMS.
    if (!store::has_pending_timer(tx, forward_timer, escalation->id)) {
        const double window_s = std::min(3.0, settings_.ack_timeout_s / 2);
        store::schedule_timer(tx, forward_timer, escalation->id, after(window_s, now_ms), escalation->officer);
    }
    return true;
}

void EscalationDesk::open(store::Transaction& tx, const Inbound& citizen, const dialogs::Effect& effect,
                          std::int64_t now_ms) const {
    const auto week = week_time(now_ms);
    if (auto current = store::current_escalation(tx, citizen.channel, citizen.contact)) {
        // Still with an officer (the citizen had gone back to the menu): back to the same one.
        if (const auto officer = store::find_officer(tx, current->officer)) {
            store::set_escalation_handoff(tx, current->id, true, now_ms);
            store::record_escalation_event(tx, current->id, "resumed", "the citizen asked for the officer again",
                                           now_ms);
            if (!effect.question.empty()) store::add_escalation_followup(tx, current->id, effect.question, now_ms);
            if (!store::has_pending_timer(tx, forward_timer, current->id))
                store::schedule_timer(tx, forward_timer, current->id, now_ms, current->officer);
            to_citizen(tx, *current,
                       wording_.opened(current->id, card(*officer), settings_.hours, week, media_.of(citizen.channel)),
                       now_ms);
            return;
        }
    }
    const auto officer = route_escalation(store::list_officers(tx), effect.unit, effect.field);
    if (!officer) {
        log::warn("escalation_without_officer", {{"unit", effect.unit}, {"field", effect.field}});
        for (auto& reply : wording_.no_officer(media_.of(citizen.channel)))
            store::enqueue_outbound(tx, to_outbound(citizen.channel, citizen.contact, std::move(reply)), now_ms);
        return;
    }
    store::Escalation escalation;
    escalation.officer = officer->id;
    escalation.unit = effect.unit;
    escalation.procedure = effect.procedure;
    escalation.field = effect.field;
    escalation.channel = citizen.channel;
    escalation.contact = citizen.contact;
    escalation.question = effect.question;
    escalation.id = store::open_escalation(tx, escalation, now_ms);
    store::schedule_timer(tx, ack_timer, escalation.id, after(settings_.ack_timeout_s, now_ms), officer->id);
    store::schedule_timer(tx, idle_timer, escalation.id, after(settings_.handoff_idle_s, now_ms), "");
    brief(tx, *officer, escalation, "", now_ms);
    to_citizen(tx, escalation,
               wording_.opened(escalation.id, card(*officer), settings_.hours, week, media_.of(citizen.channel)),
               now_ms);
    log::info("escalation_opened", {{"id", std::to_string(escalation.id)}, {"officer", officer->id}});
}

void EscalationDesk::close_by_admin(store::Transaction& tx, const store::Escalation& escalation,
                                    std::int64_t now_ms) const {
    if (escalation.state == store::EscalationState::closed) return;
    store::close_escalation(tx, escalation.id, now_ms);
    store::record_escalation_event(tx, escalation.id, "closed", "by the admin API", now_ms);
    const auto officer = store::find_officer(tx, escalation.officer);
    to_citizen(tx, escalation,
               wording_.done(escalation.id, officer ? officer->name : escalation.officer, media_.of(escalation.channel)),
               now_ms);
}

void EscalationDesk::brief(store::Transaction& tx, const store::Officer& officer, const store::Escalation& escalation,
                           const std::string& previous_officer, std::int64_t now_ms) const {
    std::string phone = escalation.channel == Channel::sms
                            ? escalation.contact
                            : store::load_contact_info(tx, escalation.channel, escalation.contact).phone;
    const dialogs::CaseBrief brief{escalation.id,          unit_name(escalation.unit), escalation.procedure,
                                   escalation.field,       escalation.question,        std::move(phone),
                                   previous_officer};
    to_officer(tx, officer.phone, wording_.brief(brief, media_.sms), now_ms);
}

void EscalationDesk::to_citizen(store::Transaction& tx, const store::Escalation& escalation,
                                std::vector<dialogs::Reply> replies, std::int64_t now_ms) const {
    for (auto& reply : replies)
        store::enqueue_outbound(tx, to_outbound(escalation.channel, escalation.contact, std::move(reply)), now_ms);
}

void EscalationDesk::to_officer(store::Transaction& tx, const std::string& phone, std::vector<dialogs::Reply> replies,
                                std::int64_t now_ms) const {
    for (auto& reply : replies)
        store::enqueue_outbound(tx, to_outbound(Channel::sms, phone, std::move(reply)), now_ms);
}

dialogs::OfficerCard EscalationDesk::card(const store::Officer& officer) const {
    return {officer.name, officer.title, officer.phone};
}

std::string EscalationDesk::unit_name(const std::string& unit) const {
    for (const auto& u : settings_.units)
        if (u.id == unit) return u.name;
    return unit;
}

std::int64_t EscalationDesk::after(double seconds, std::int64_t now_ms) const {
    return now_ms + static_cast<std::int64_t>(std::llround(seconds * 1000));
}

dialogs::WeekTime EscalationDesk::week_time(std::int64_t now_ms) const {
    return local_week_time(now_ms, settings_.timezone);
}

}  // namespace motcua::bot
