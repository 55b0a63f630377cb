#include "bot/router.hpp"

#include <chrono>

#include "bot/log.hpp"
#include "store/escalations.hpp"
#include "store/outbox.hpp"

namespace motcua::bot {

Router::Router(store::Database& db, Engine& engine, std::map<std::string, WebhookEndpoint> webhooks, AdminApi admin,
               Metrics& metrics)
    : db_(db), engine_(engine), webhooks_(std::move(webhooks)), admin_(std::move(admin)), metrics_(metrics) {}

void Router::operator()(Request request, Respond respond) {
    if (request.path == "/healthz") {
        if (request.method != "GET") return respond(json_error(405, "use GET"));
        return health(std::move(respond));
    }
    if (request.path == "/metrics") {
        if (request.method != "GET") return respond(json_error(405, "use GET"));
        return respond(metrics());
    }
    if (auto it = webhooks_.find(request.path); it != webhooks_.end()) {
        if (request.method != "POST") return respond(json_error(405, "use POST"));
        return webhook(it->second, std::move(request), std::move(respond));
    }
    if (request.path.rfind(AdminApi::prefix, 0) == 0) return admin_(request, respond);
    respond(json_error(404, "no such path: " + request.path));
}

void Router::health(Respond respond) {
    db_.check_health([respond = std::move(respond)](bool healthy) {
        if (!healthy) return respond(json_error(503, "store unavailable"));
        respond({200, "application/json", R"({"status":"ok"})"});
    });
}

HttpAnswer Router::metrics() {
    Metrics::Gauges gauges;
    try {
        db_.read([&](store::Session& s) {
            gauges.outbox_pending = store::count_outbound(s, store::OutboxState::pending);
            gauges.outbox_dead = store::count_outbound(s, store::OutboxState::dead);
            gauges.escalations_open = store::count_escalations(s, store::EscalationState::open);
        });
    } catch (const std::exception& e) {
        return json_error(503, std::string("store unavailable: ") + e.what());
    }
    return {200, "text/plain; version=0.0.4", metrics_.exposition(gauges)};
}

void Router::webhook(const WebhookEndpoint& endpoint, Request request, Respond original) {
    const auto begun = std::chrono::steady_clock::now();
    Respond respond = [this, begun, original = std::move(original)](HttpAnswer answer) {
        metrics_.webhook_latency(std::chrono::duration<double>(std::chrono::steady_clock::now() - begun).count());
        original(std::move(answer));
    };
    Decoded decoded;
    try {
        decoded = endpoint.decode(WebhookRequest{request.path, std::move(request.headers), std::move(request.body)});
    } catch (const std::exception& e) {
        log::error("webhook_decode_failed", {{"path", request.path}, {"error", e.what()}});
        return respond(json_error(400, "malformed webhook"));
    }
    if (decoded.rejection) return respond(*decoded.rejection);
    if (decoded.messages.empty()) return respond(endpoint.acknowledgement);
    const auto count = decoded.messages.size();
    engine_.accept(std::move(decoded.messages),
                   [this, count, channel = endpoint.channel, respond = std::move(respond),
                    ack = endpoint.acknowledgement](bool stored, const std::string& error) {
                       if (stored) {
                           metrics_.inbound(channel, count);
                           return respond(ack);
                       }
                       log::error("webhook_not_stored", {{"error", error}});
                       respond(json_error(503, "message not stored; please retry"));
                   });
}

}  // namespace motcua::bot
