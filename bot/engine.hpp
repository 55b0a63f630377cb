#pragma once
// Turns decoded inbound messages into durable state: each message is recorded (a duplicate stops
// there), run through the dialog engine, and its replies appended to the outbox, all inside one
// group-committed store transaction. The webhook is acknowledged only once that committed.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "adapters/message.hpp"
#include "dialogs/engine.hpp"
#include "store/database.hpp"

namespace motcua::bot {

struct ChannelMedia {
    dialogs::Medium sms;
    dialogs::Medium zalo;
    const dialogs::Medium& of(Channel c) const { return c == Channel::zalo ? zalo : sms; }
};

// A rendered dialog reply as the outbox stores it.
Outbound to_outbound(Channel channel, const std::string& contact, dialogs::Reply reply);

class Engine {
public:
    using Clock = std::function<std::int64_t()>;  // milliseconds since the epoch
    using Done = std::function<void(bool stored, const std::string& error)>;

    // timezone: the deployment's (config "timezone"), in which dossiers fall due.
    Engine(store::Database& db, const dialogs::Engine& dialogs, ChannelMedia media, std::string timezone,
           Clock clock, std::function<void()> outbox_changed);

    // done is called once, on the store's writer thread, after the commit (or its failure).
    void accept(std::vector<Inbound> messages, Done done);

private:
    void handle(store::Transaction& tx, const Inbound& message, std::int64_t now_ms) const;
    dialogs::Input dialog_input(store::Transaction& tx, const Inbound& message, std::int64_t now_ms) const;

    store::Database& db_;
    const dialogs::Engine& dialogs_;
    ChannelMedia media_;
    std::string timezone_;
    Clock clock_;
    std::function<void()> outbox_changed_;
};

}  // namespace motcua::bot
