#include "bot/escalation_api.hpp"

#include <charconv>

#include "adapters/form.hpp"
#include "bot/api_commit.hpp"
#include "bot/api_json.hpp"
#include "bot/api_time.hpp"
#include "store/escalations.hpp"

namespace motcua::bot {

using nlohmann::json;

namespace {

json escalation_json(const store::Escalation& e, const std::vector<store::EscalationEvent>& history) {
    json events = json::array();
    for (const auto& event : history)
        events.push_back({{"event", event.event}, {"detail", event.detail}, {"at", iso_utc(event.at_ms)}});
    return {{"id", e.id},
            {"state", store::escalation_state_name(e.state)},
            {"officer", e.officer},
            {"unit", e.unit},
            {"procedure", nullable(e.procedure)},
            {"channel", channel_name(e.channel)},
            {"contact", e.contact},
            {"question", e.question},
            {"handoff", e.handoff},
            {"created_at", iso_utc(e.created_at_ms)},
            {"answered_at", iso_utc_or_null(e.answered_at_ms)},
            {"closed_at", iso_utc_or_null(e.closed_at_ms)},
            {"history", events}};
}

std::optional<std::int64_t> parse_id(std::string_view text) {
    std::int64_t id = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (error != std::errc() || end != text.data() + text.size() || id <= 0) return std::nullopt;
    return id;
}

}  // namespace

EscalationApi::EscalationApi(store::Database& db, const EscalationDesk& desk, Clock clock,
                             std::function<void()> outbox_changed)
    : db_(&db), desk_(&desk), clock_(std::move(clock)), outbox_changed_(std::move(outbox_changed)) {}

void EscalationApi::operator()(const Request& request, std::string_view route, const Respond& respond) const {
    if (route == "escalations") {
        if (request.method != "GET") return respond(json_error(405, "use GET"));
        return respond(list(request));
    }
    constexpr std::string_view prefix = "escalations/";
    constexpr std::string_view suffix = "/close";
    const auto rest = route.substr(prefix.size());
    const auto id = rest.ends_with(suffix) ? parse_id(rest.substr(0, rest.size() - suffix.size())) : std::nullopt;
    if (!id) return respond(json_error(404, "no such path: escalations are closed at /api/v1/escalations/{id}/close"));
    if (request.method != "POST") return respond(json_error(405, "use POST"));
    close(*id, respond);
}

HttpAnswer EscalationApi::list(const Request& request) const {
    std::optional<store::EscalationState> state;
    if (!request.query.empty()) {
        const auto fields = adapters::decode_form(request.query);
        if (!fields) return json_error(400, "malformed query string");
        if (const auto* value = adapters::form_value(*fields, "state")) {
            state = store::parse_escalation_state(*value);
            if (!state) return json_error(422, "state: must be open, answered or closed");
        }
    }
    json all = json::array();
    db_->read([&](store::Session& s) {
        for (const auto& e : store::list_escalations(s, state))
            all.push_back(escalation_json(e, store::escalation_history(s, e.id)));
    });
    return json_answer(200, all);
}

void EscalationApi::close(std::int64_t id, const Respond& respond) const {
    const auto now = clock_();
    answer_after_commit(
        *db_,
        [this, id, now](store::Transaction& tx) {
            const auto escalation = store::find_escalation(tx, id);
            if (!escalation) return json_error(404, "no escalation " + std::to_string(id));
            desk_->close_by_admin(tx, *escalation, now);
            const auto closed = store::find_escalation(tx, id);
            return json_answer(200, escalation_json(*closed, store::escalation_history(tx, id)));
        },
        respond, outbox_changed_);
}

}  // namespace motcua::bot
