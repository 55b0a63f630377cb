#pragma once
// The configured channels: for each, its webhook endpoint and the Sender that reaches its
// gateway. Adding a gateway is one adapter folder plus its lines here.
#include <map>
#include <memory>
#include <string>

#include "bot/config.hpp"
#include "bot/http_client.hpp"
#include "bot/router.hpp"
#include "bot/sender.hpp"
#include "store/database.hpp"

namespace motcua::bot {

struct Channels {
    std::map<std::string, WebhookEndpoint> webhooks;  // by path
    std::map<Channel, std::unique_ptr<Sender>> senders;

    std::map<Channel, Sender*> sender_pointers() const;
};

// In the demo deployment every sender is a LogSender; webhooks verify signatures as in production.
Channels make_channels(const Config& config, HttpClient& client, store::Database& db);

ChannelMedia make_media(const Config& config);

}  // namespace motcua::bot
