#include "bot/router.hpp"

#include "bot/log.hpp"

namespace motcua::bot {

Router::Router(store::Database& db, Engine& engine, std::map<std::string, WebhookEndpoint> webhooks, AdminApi admin)
    : db_(db), engine_(engine), webhooks_(std::move(webhooks)), admin_(std::move(admin)) {}

void Router::operator()(Request request, Respond respond) {
    if (request.path == "/healthz") {
        if (request.method != "GET") return respond(json_error(405, "use GET"));
        return respond(health());
    }
    if (auto it = webhooks_.find(request.path); it != webhooks_.end()) {
        if (request.method != "POST") return respond(json_error(405, "use POST"));
        return webhook(it->second, std::move(request), std::move(respond));
    }
    if (request.path.rfind(AdminApi::prefix, 0) == 0) return admin_(request, respond);
    respond(json_error(404, "no such path: " + request.path));
}

HttpAnswer Router::health() {
    if (!db_.healthy()) return json_error(503, "store unavailable");
    return {200, "application/json", R"({"status":"ok"})"};
}

void Router::webhook(const WebhookEndpoint& endpoint, Request request, Respond respond) {
    Decoded decoded;
    try {
        decoded = endpoint.decode(WebhookRequest{request.path, std::move(request.headers), std::move(request.body)});
    } catch (const std::exception& e) {
        log::error("webhook_decode_failed", {{"path", request.path}, {"error", e.what()}});
        return respond(json_error(400, "malformed webhook"));
    }
    if (decoded.rejection) return respond(*decoded.rejection);
    if (decoded.messages.empty()) return respond(endpoint.acknowledgement);
    engine_.accept(std::move(decoded.messages),
                   [respond = std::move(respond), ack = endpoint.acknowledgement](bool stored, const std::string& error) {
                       if (stored) return respond(ack);
                       log::error("webhook_not_stored", {{"error", error}});
                       respond(json_error(503, "message not stored; please retry"));
                   });
}

}  // namespace motcua::bot
