#include "bot/stats_api.hpp"

#include "adapters/form.hpp"
#include "bot/api_json.hpp"
#include "bot/local_time.hpp"
#include "store/stats.hpp"

namespace motcua::bot {

using nlohmann::json;

namespace {

json figures_json(const std::map<std::string, store::EscalationFigures>& figures, const char* key) {
    json all = json::array();
    for (const auto& [id, f] : figures)
        all.push_back({{key, id},
                       {"escalations", f.escalations},
                       {"answered", f.answered},
                       {"unanswered", f.unanswered},
                       {"median_answer_s", f.median_answer_s ? json(*f.median_answer_s) : json(nullptr)}});
    return all;
}

json stats_json(const store::Stats& stats) {
    json messages = json::object();
    for (const auto& [channel, n] : stats.messages_in) messages[channel]["in"] = n;
    for (const auto& [channel, n] : stats.messages_out) messages[channel]["out"] = n;
    for (auto& [channel, counts] : messages.items()) {
        if (!counts.contains("in")) counts["in"] = 0;
        if (!counts.contains("out")) counts["out"] = 0;
    }
    return {{"messages", messages},
            {"conversations", stats.conversations},
            {"intents", stats.intents},
            {"escalations",
             {{"by_officer", figures_json(stats.escalations_by_officer, "officer")},
              {"by_unit", figures_json(stats.escalations_by_unit, "unit")}}},
            {"dossier_lookups", {{"total", stats.dossier_lookups}, {"found", stats.dossier_lookups_found}}},
            {"procedures_by_unit", stats.procedures_by_unit}};
}

}  // namespace

StatsApi::StatsApi(store::Database& db, std::string timezone) : db_(&db), timezone_(std::move(timezone)) {}

void StatsApi::operator()(const Request& request, const Respond& respond) const {
    if (request.method != "GET") return respond(json_error(405, "use GET"));
    respond(stats(request));
}

HttpAnswer StatsApi::stats(const Request& request) const {
    const auto fields = adapters::decode_form(request.query);
    if (!fields) return json_error(400, "malformed query string");
    std::string dates[2];
    const char* names[2] = {"from", "to"};
    for (int i = 0; i < 2; ++i) {
        const auto* value = adapters::form_value(*fields, names[i]);
        if (!value) return json_error(422, std::string(names[i]) + ": is required (YYYY-MM-DD)");
        dates[i] = *value;
    }
    const auto from_ms = local_midnight(dates[0], timezone_);
    if (!from_ms) return json_error(422, "from: must be a date YYYY-MM-DD");
    const auto to_ms = local_midnight(dates[1], timezone_, 1);
    if (!to_ms) return json_error(422, "to: must be a date YYYY-MM-DD");
    if (*to_ms <= *from_ms) return json_error(422, "to: must not be before from");
    store::Stats stats;
    db_->read([&](store::Session& s) { stats = store::read_stats(s, *from_ms, *to_ms); });
    json body = stats_json(stats);
    body["from"] = dates[0];
    body["to"] = dates[1];
    body["timezone"] = timezone_;
    return json_answer(200, body);
}

}  // namespace motcua::bot
