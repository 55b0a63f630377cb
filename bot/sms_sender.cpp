#include "bot/sms_sender.hpp"

#include "dialogs/text.hpp"

namespace motcua::bot {

SmsSender::SmsSender(adapters::TwilioSms gateway, HttpClient& client, bool unicode)
    : gateway_(std::move(gateway)), client_(client), unicode_(unicode) {}

boost::asio::awaitable<SendOutcome> SmsSender::send(const Outbound& message) {
    Outbound sms = message;
    // Dialog replies are already rendered for SMS, but a Zalo message falling back to SMS still
    // carries diacritics that would silently make it UCS-2.
    if (!unicode_) sms.text = dialogs::to_gsm_ascii(sms.text);
    const HttpCall call = gateway_.request_for(sms);
    const HttpReply reply = co_await client_.perform(call);
    co_return gateway_.interpret(reply);
}

}  // namespace motcua::bot
