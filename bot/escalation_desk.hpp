#pragma once
// Escalation to the named officer's phone (B5-B7), inside the store transaction of the message
// or timer that moves it: opening a case and briefing the officer by SMS, forwarding the
// citizen's follow-ups during the handoff, relaying the officer's "#N" answers, and the timers
// (ack timeout → backup, idle handoff → back to the bot, batched forwards). Officer messages
// never reach the citizen dialogs.
#include <cstdint>
#include <string>
#include <vector>

#include "adapters/message.hpp"
#include "bot/config.hpp"
#include "bot/engine.hpp"
#include "dialogs/engine.hpp"
#include "dialogs/escalation_wording.hpp"
#include "dialogs/office_hours.hpp"
#include "store/escalations.hpp"
#include "store/officers.hpp"
#include "store/session.hpp"
#include "store/timers.hpp"

namespace motcua::bot {

struct EscalationSettings {
    double ack_timeout_s = 1800;
    double handoff_idle_s = 86400;
    dialogs::OfficeHours hours;
    std::string timezone;
    std::vector<Unit> units;
};

// From a validated config.
EscalationSettings escalation_settings(const Config& config);

class EscalationDesk {
public:
    // Timer kinds (store/timers.hpp).
    static constexpr const char* ack_timer = "escalation_ack";
    static constexpr const char* idle_timer = "escalation_idle";
    static constexpr const char* forward_timer = "escalation_forward";

    EscalationDesk(const dialogs::Engine& dialogs, const dialogs::EscalationWording& wording, ChannelMedia media,
                   EscalationSettings settings);

    // Takes an SMS from an active officer's phone (B6); false for anyone else's message.
    bool take_officer_message(store::Transaction& tx, const Inbound& message, std::int64_t now_ms) const;
    // Takes a citizen's follow-up while their conversation is with an officer, for the officer.
    // A citizen's "menu" ends the handoff and is left to the dialogs (false).
    bool take_follow_up(store::Transaction& tx, const Inbound& message, std::int64_t now_ms) const;

    // B5: the dialogs asked to hand the conversation over (Effect::Kind::escalate).
    void open(store::Transaction& tx, const Inbound& citizen, const dialogs::Effect& effect, std::int64_t now_ms) const;

    // A due timer of one of the kinds above, already claimed in tx. A timer whose escalation has
    // moved on (answered, closed, given to another officer) does nothing.
    void fire(store::Transaction& tx, const store::Timer& timer, std::int64_t now_ms) const;

    // POST /api/v1/escalations/{id}/close: closes it and tells the citizen; a closed one stays as it is.
    void close_by_admin(store::Transaction& tx, const store::Escalation& escalation, std::int64_t now_ms) const;

private:
    void officer_message(store::Transaction& tx, const store::Officer& officer, const Inbound& message,
                         std::int64_t now_ms) const;
    void answer(store::Transaction& tx, const store::Officer& officer, const store::Escalation& escalation,
                const std::string& text, std::int64_t now_ms) const;
    void brief(store::Transaction& tx, const store::Officer& officer, const store::Escalation& escalation,
               const std::string& previous_officer, std::int64_t now_ms) const;
    void on_ack_timeout(store::Transaction& tx, const store::Timer& timer, std::int64_t now_ms) const;
    void on_idle(store::Transaction& tx, const store::Timer& timer, std::int64_t now_ms) const;
    void on_forward(store::Transaction& tx, const store::Timer& timer, std::int64_t now_ms) const;

    void to_citizen(store::Transaction& tx, const store::Escalation& escalation, std::vector<dialogs::Reply> replies,
                    std::int64_t now_ms) const;
    void to_officer(store::Transaction& tx, const std::string& phone, std::vector<dialogs::Reply> replies,
                    std::int64_t now_ms) const;
    dialogs::OfficerCard card(const store::Officer& officer) const;
    std::string unit_name(const std::string& unit) const;
    std::int64_t after(double seconds, std::int64_t now_ms) const;
    dialogs::WeekTime week_time(std::int64_t now_ms) const;

    const dialogs::Engine& dialogs_;
    const dialogs::EscalationWording& wording_;
    ChannelMedia media_;
    EscalationSettings settings_;
};

}  // namespace motcua::bot
