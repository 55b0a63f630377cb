#include "adapters/message.hpp"

namespace motcua {

std::string_view channel_name(Channel channel) {
    return channel == Channel::zalo ? "zalo" : "sms";
}

std::optional<Channel> parse_channel(std::string_view name) {
    if (name == "sms") return Channel::sms;
    if (name == "zalo") return Channel::zalo;
    return std::nullopt;
}

}  // namespace motcua
