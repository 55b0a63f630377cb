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

class EscalationDesk;

// A rendered dialog reply as the outbox stores it.
Outbound to_outbound(Channel channel, const std::string& contact, dialogs::Reply reply);

class Engine {
public:
    using Clock = std::function<std::int64_t()>;  // milliseconds since the epoch
    using Done = std::function<void(bool stored, const std::string& error)>;

    // timezone: the deployment's (config "timezone"), in which dossiers fall due. desk: takes
    // officers' messages and handoffs, and opens the escalations the dialogs ask for.
    Engine(store::Database& db, const dialogs::Engine& dialogs, const EscalationDesk& desk, ChannelMedia media,
           std::string timezone, Clock clock, std::function<void()> outbox_changed);

    // done is called once, on the store's writer thread, after the commit (or its failure).
    void accept(std::vector<Inbound> messages, Done done);

private:
    // SPEC B8: at most this many of one sender's messages are answered in any hour.
    static constexpr std::int64_t max_answered_per_window = 20;
    static constexpr std::int64_t flood_window_ms = 3'600'000;

    dialogs::Reading read(const Inbound& message) const;
    void handle(store::Transaction& tx, const Inbound& message, dialogs::Reading reading, std::int64_t now_ms) const;
    bool flooding(const Inbound& message, std::int64_t received_this_hour) const;
    dialogs::Input dialog_input(store::Transaction& tx, const Inbound& message, dialogs::Reading reading,
                                std::int64_t now_ms) const;
    void apply(store::Transaction& tx, const dialogs::Effect& effect, const Inbound& message, std::int64_t now_ms) const;

    store::Database& db_;
    const dialogs::Engine& dialogs_;
    const EscalationDesk& desk_;
    ChannelMedia media_;
    std::string timezone_;
    Clock clock_;
    std::function<void()> outbox_changed_;
};

}  // namespace motcua::bot
