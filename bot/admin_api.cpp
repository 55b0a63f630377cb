#include "bot/admin_api.hpp"

#include <nlohmann/json.hpp>
#include <variant>

#include "adapters/crypto.hpp"
#include "bot/api_json.hpp"
#include "bot/log.hpp"
#include "dialogs/content_model.hpp"
#include "dialogs/understanding.hpp"

namespace motcua::bot {

using nlohmann::json;

AdminApi::AdminApi(std::string admin_token, std::shared_ptr<const dialogs::Content> content,
                   std::vector<dialogs::UnitName> units, OfficerApi officers, DossierApi dossiers,
                   EscalationApi escalations, StatsApi stats)
    : admin_token_(std::move(admin_token)), content_(std::move(content)), units_(std::move(units)),
      officers_(std::move(officers)), dossiers_(std::move(dossiers)), escalations_(std::move(escalations)),
      stats_(std::move(stats)) {}

bool AdminApi::authorised(const Request& request) const {
    auto it = request.headers.find("authorization");
    if (it == request.headers.end()) return false;
    constexpr std::string_view scheme = "Bearer ";
    const std::string_view value = it->second;
    if (value.substr(0, scheme.size()) != scheme) return false;
    return adapters::constant_time_equal(value.substr(scheme.size()), admin_token_);
}

void AdminApi::operator()(const Request& request, const Respond& respond) const {
    if (!authorised(request)) return respond(json_error(401, "missing or wrong bearer token"));
    const std::string_view route = std::string_view(request.path).substr(prefix.size());
    if (route == "parse") {
        if (request.method != "POST") return respond(json_error(405, "use POST"));
        return respond(parse(request));
    }
    try {
        if (route == "officers" || route.starts_with("officers/")) return officers_(request, route, respond);
        if (route == "dossiers" || route.starts_with("dossiers/")) return dossiers_(request, route, respond);
        if (route == "escalations" || route.starts_with("escalations/")) return escalations_(request, route, respond);
        if (route == "stats") return stats_(request, respond);
    } catch (const store::StoreError& e) {
        log::error("admin_read_failed", {{"path", request.path}, {"error", e.what()}});
        return respond(json_error(503, "store unavailable"));
    }
    respond(json_error(404, "no such path: " + request.path));
}

HttpAnswer AdminApi::parse(const Request& request) const {
    auto body = json_body(request);
    if (auto* error = std::get_if<HttpAnswer>(&body)) return *error;
    const auto& object = std::get<json>(body);
    if (!object.contains("text") || !object["text"].is_string()) return json_error(422, "text: must be a string");
    const auto understood = dialogs::understand(object["text"].get<std::string>(), *content_, units_);
    return json_answer(200, {{"intent", dialogs::intent_name(understood.intent)},
                             {"procedure", nullable(understood.procedure)},
                             {"dossier_code", nullable(understood.dossier_code)},
                             {"unit", nullable(understood.unit)}});
}

}  // namespace motcua::bot
