#pragma once
// Delivers one outbound message on one channel and says what the gateway's answer means.
#include <boost/asio/awaitable.hpp>

#include "adapters/wire.hpp"

namespace motcua::bot {

class Sender {
public:
    virtual ~Sender() = default;
    virtual boost::asio::awaitable<SendOutcome> send(const Outbound& message) = 0;
};

// The demo deployment's gateway (SPEC §7): writes the message to the log and accepts it.
class LogSender : public Sender {
public:
    boost::asio::awaitable<SendOutcome> send(const Outbound& message) override;

private:
    long next_id_ = 0;
};

}  // namespace motcua::bot
