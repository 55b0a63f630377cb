#pragma once
// Sends through a Twilio-compatible SMS gateway.
#include "adapters/sms/twilio.hpp"
#include "bot/http_client.hpp"
#include "bot/sender.hpp"

namespace motcua::bot {

class SmsSender : public Sender {
public:
    SmsSender(adapters::TwilioSms gateway, HttpClient& client, bool unicode);
    boost::asio::awaitable<SendOutcome> send(const Outbound& message) override;

private:
    adapters::TwilioSms gateway_;
    HttpClient& client_;
    bool unicode_;
};

}  // namespace motcua::bot
