#include "bot/engine.hpp"

#include "adapters/phone.hpp"
#include "bot/dossier_lookup.hpp"
#include "bot/escalation_desk.hpp"
#include "bot/local_date.hpp"
#include "bot/log.hpp"
#include "store/arrivals.hpp"
#include "store/conversations.hpp"
#include "store/followers.hpp"
#include "store/inbound_log.hpp"
#include "store/outbox.hpp"
#include "store/writer.hpp"

namespace motcua::bot {

namespace {

dialogs::Input to_dialog_input(const Inbound& message) {
    switch (message.kind) {
        case Inbound::Kind::follow: return {dialogs::Input::Kind::follow, ""};
        case Inbound::Kind::unsupported: return {dialogs::Input::Kind::unsupported, ""};
        default: return {dialogs::Input::Kind::text, message.text};
    }
}

}  // namespace

void Engine::apply(store::Transaction& tx, const dialogs::Effect& effect, const Inbound& message,
                   std::int64_t now_ms) const {
    const store::Follower who{message.channel, message.contact};
    switch (effect.kind) {
        case dialogs::Effect::Kind::follow:
            return store::follow_dossier(tx, effect.dossier_code, who, now_ms);
        case dialogs::Effect::Kind::unfollow:
            if (effect.dossier_code.empty()) return store::unfollow_all_dossiers(tx, who, now_ms);
            return store::unfollow_dossier(tx, effect.dossier_code, who, now_ms);
        case dialogs::Effect::Kind::escalate:
            return desk_.open(tx, message, effect, now_ms);
    }
}

Outbound to_outbound(Channel channel, const std::string& contact, dialogs::Reply reply) {
    Outbound out{channel, contact, std::move(reply.text), {}};
    for (auto& c : reply.choices) out.choices.push_back({std::move(c.title), std::move(c.payload)});
    return out;
}

Engine::Engine(store::Database& db, const dialogs::Engine& dialogs, const EscalationDesk& desk, ChannelMedia media,
               std::string timezone, Clock clock, std::function<void()> outbox_changed)
    : db_(db), dialogs_(dialogs), desk_(desk), media_(std::move(media)), timezone_(std::move(timezone)), clock_(std::move(clock)),
      outbox_changed_(std::move(outbox_changed)) {}

// The message as the dialogs take it, with the facts of the dossier it names looked up in the
// same transaction as the turn.
dialogs::Input Engine::dialog_input(store::Transaction& tx, const Inbound& message, dialogs::Reading reading,
                                    std::int64_t now_ms) const {
    dialogs::Input input = to_dialog_input(message);
    if (input.kind != dialogs::Input::Kind::text) return input;
    input.today = local_date(now_ms, timezone_);
    input.understanding = std::move(reading.understanding);
    if (!reading.dossier_code.empty())
        input.dossier = look_up_for_citizen(tx, reading.dossier_code, message.channel, message.contact, now_ms);
    return input;
}

// Pure work on the text, done on the HTTP thread that received it: the store has one writer
// thread, and every message's transaction waits for it. A reading that fails is left to the
// turn, whose failure is logged there.
dialogs::Reading Engine::read(const Inbound& message) const {
    if (message.kind != Inbound::Kind::text) return {};
    try {
        return dialogs_.read(message.text);
    } catch (const std::exception&) {
        return {};
    }
}

void Engine::accept(std::vector<Inbound> messages, Done done) {
    const auto now = clock_();
    std::vector<dialogs::Reading> readings;
    readings.reserve(messages.size());
    for (const auto& m : messages) readings.push_back(read(m));
    db_.writer().submit(
        [this, messages = std::move(messages), readings = std::move(readings), now](store::Transaction& tx) {
            for (std::size_t i = 0; i < messages.size(); ++i) handle(tx, messages[i], readings[i], now);
        },
        [this, done = std::move(done)](bool committed, const std::string& error) {
            if (committed) outbox_changed_();
            done(committed, error);
        });
}

// SPEC B8: a sender's messages beyond the hourly allowance are stored (above) but not answered,
// so a stuck phone or a prank cannot make the commune pay for unlimited SMS.
bool Engine::flooding(const Inbound& message, std::int64_t received_this_hour) const {
    if (received_this_hour <= max_answered_per_window) return false;
    log::warn("flood_not_answered", {{"channel", std::string(channel_name(message.channel))},
                                     {"contact", adapters::mask_phone(message.contact)},
                                     {"answered_per_hour", std::to_string(max_answered_per_window)}});
    return true;
}

void Engine::handle(store::Transaction& tx, const Inbound& message, dialogs::Reading reading,
                    std::int64_t now_ms) const {
    if (!store::record_inbound(tx, message, now_ms)) return;  // a gateway's retry: already handled
    // Every message counts against the hour's allowance, also those the bot does not answer.
    const auto received_this_hour = store::record_arrival(tx, message.channel, message.contact, now_ms,
                                                          now_ms - flood_window_ms + 1, max_answered_per_window + 1);
    if (message.kind == Inbound::Kind::contact_info) {
        store::save_contact_info(tx, message.channel, message.contact, {message.phone, message.name}, now_ms);
        return;
    }
    // Officers answer as many cases an hour as they have; a citizen's follow-ups beyond the
    // allowance are no more forwarded to the officer, as SMS the commune pays for, than answered.
    if (desk_.take_officer_message(tx, message, now_ms)) return;
    if (flooding(message, received_this_hour)) return;
    if (desk_.take_follow_up(tx, message, now_ms)) return;
    const auto state = store::load_conversation(tx, message.channel, message.contact);
    const auto input = dialog_input(tx, message, std::move(reading), now_ms);
    dialogs::TurnResult result;
    try {
        result = dialogs_.turn(state, input, media_.of(message.channel));
    } catch (const std::exception& e) {
        // A dialog bug must not make the gateway retry the same message forever: the message
        // stays recorded, the conversation keeps its state, and the fault is logged.
        log::error("dialog_failed", {{"channel", std::string(channel_name(message.channel))},
                                     {"contact", adapters::mask_phone(message.contact)}, {"error", e.what()}});
        return;
    }
    store::save_conversation(tx, message.channel, message.contact, result.state, now_ms);
    store::record_turn(tx, message, result.intent, result.intent == "procedure" ? result.procedure : "", result.unit);
    for (const auto& effect : result.effects) apply(tx, effect, message, now_ms);
    for (auto& reply : result.replies)
        store::enqueue_outbound(tx, to_outbound(message.channel, message.contact, std::move(reply)), now_ms);
}

}  // namespace motcua::bot
