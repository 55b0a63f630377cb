#pragma once
// Maps each request to its surface (SPEC §3): health, the channels' webhooks, and later the
// admin API. Unknown paths get 404, known paths with the wrong method 405.
#include <functional>
#include <map>
#include <string>

#include "bot/admin_api.hpp"
#include "bot/engine.hpp"
#include "bot/http_server.hpp"
#include "bot/metrics.hpp"
#include "store/database.hpp"

namespace motcua::bot {

// A channel's inbound side: how to decode its webhook and how to acknowledge it.
struct WebhookEndpoint {
    Channel channel;
    std::function<Decoded(const WebhookRequest&)> decode;
    HttpAnswer acknowledgement;
};

class Router {
public:
    Router(store::Database& db, Engine& engine, std::map<std::string, WebhookEndpoint> webhooks, AdminApi admin,
           Metrics& metrics);

    void operator()(Request request, Respond respond);

private:
    void webhook(const WebhookEndpoint& endpoint, Request request, Respond respond);
    void health(Respond respond);
    HttpAnswer metrics();

    store::Database& db_;
    Engine& engine_;
    std::map<std::string, WebhookEndpoint> webhooks_;  // by path
    AdminApi admin_;
    Metrics& metrics_;
};

}  // namespace motcua::bot
