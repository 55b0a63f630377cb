#include "bot/engine.hpp"

#include "adapters/phone.hpp"
#include "bot/log.hpp"
#include "store/conversations.hpp"
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

Engine::Engine(store::Database& db, const dialogs::Engine& dialogs, ChannelMedia media, Clock clock,
               std::function<void()> outbox_changed)
    : db_(db), dialogs_(dialogs), media_(std::move(media)), clock_(std::move(clock)),
      outbox_changed_(std::move(outbox_changed)) {}

void Engine::accept(std::vector<Inbound> messages, Done done) {
    const auto now = clock_();
    db_.writer().submit(
        [this, messages = std::move(messages), now](store::Transaction& tx) {
            for (const auto& m : messages) handle(tx, m, now);
        },
        [this, done = std::move(done)](bool committed, const std::string& error) {
            if (committed) outbox_changed_();
            done(committed, error);
        });
}

void Engine::handle(store::Transaction& tx, const Inbound& message, std::int64_t now_ms) const {
    if (!store::record_inbound(tx, message, now_ms)) return;  // a gateway's retry: already handled
    if (message.kind == Inbound::Kind::contact_info) {
        store::save_contact_info(tx, message.channel, message.contact, {message.phone, message.name}, now_ms);
        return;
    }
    const auto state = store::load_conversation(tx, message.channel, message.contact);
    dialogs::TurnResult result;
    try {
        result = dialogs_.turn(state, to_dialog_input(message), media_.of(message.channel));
    } catch (const std::exception& e) {
        // A dialog bug must not make the gateway retry the same message forever: the message
        // stays recorded, the conversation keeps its state, and the fault is logged.
        log::error("dialog_failed", {{"channel", std::string(channel_name(message.channel))},
                                     {"contact", adapters::mask_phone(message.contact)}, {"error", e.what()}});
        return;
    }
    store::save_conversation(tx, message.channel, message.contact, result.state, now_ms);
    for (auto& reply : result.replies) {
        Outbound out{message.channel, message.contact, std::move(reply.text), {}};
        for (auto& c : reply.choices) out.choices.push_back({std::move(c.title), std::move(c.payload)});
        store::enqueue_outbound(tx, out, now_ms);
    }
}

}  // namespace motcua::bot
