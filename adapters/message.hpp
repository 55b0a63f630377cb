#pragma once
// The bot's own message types: what every adapter decodes a gateway's webhook into, and what it
// encodes into a gateway's API call. Plain values, no behaviour, so any layer may hold them.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace motcua {

enum class Channel { sms, zalo };

std::string_view channel_name(Channel channel);            // "sms", "zalo"
std::optional<Channel> parse_channel(std::string_view name);

// Something a citizen did, as the bot sees it, whatever gateway carried it.
struct Inbound {
    enum class Kind {
        text,          // a message whose text the bot should understand
        follow,        // the citizen started following the Zalo Official Account
        contact_info,  // the citizen shared a phone number and name (Zalo user_submit_info)
        unsupported,   // a sticker, image, voice note... that the bot cannot read
    };
    Channel channel = Channel::sms;
    std::string contact;      // E.164 phone for SMS; the Zalo user id (a string, > 2^53) for Zalo
    std::string external_id;  // the gateway's id, unique per channel: MessageSid, msg_id, ...
    Kind kind = Kind::text;
    std::string text;         // as received, not normalised
    std::string phone;        // contact_info only
    std::string name;         // contact_info only
    std::int64_t at_ms = 0;   // when the gateway says it happened; 0 when it does not say
};

// A button: what it shows, and what the citizen would have typed instead of pressing it.
struct Choice {
    std::string title;
    std::string payload;
};

// One message the bot sends, already rendered for its channel.
struct Outbound {
    Channel channel = Channel::sms;
    std::string contact;
    std::string text;
    std::vector<Choice> choices;  // buttons where the channel has them; ignored by SMS
};

}  // namespace motcua
