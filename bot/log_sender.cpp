#include "adapters/phone.hpp"
#include "bot/log.hpp"
#include "bot/sender.hpp"

namespace motcua::bot {

boost::asio::awaitable<SendOutcome> LogSender::send(const Outbound& message) {
    // The demo shows the whole text so a person trying it sees the answer; phone numbers, the
    // contact's and any in the text (an officer's brief names the citizen's), stay masked.
    log::info("demo_outbound", {{"channel", std::string(channel_name(message.channel))},
                                {"contact", adapters::mask_phone(message.contact)},
                                {"text", adapters::mask_phones_in(message.text)}});
    co_return SendOutcome{SendOutcome::Kind::accepted, "demo-" + std::to_string(++next_id_)};
}

}  // namespace motcua::bot
