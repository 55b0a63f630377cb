#include "bot/officer_api.hpp"

#include "bot/api_commit.hpp"
#include "bot/api_json.hpp"
#include "bot/officer_validation.hpp"
#include "store/officers.hpp"

namespace motcua::bot {

using nlohmann::json;

OfficerApi::OfficerApi(store::Database& db, References refs, Clock clock)
    : db_(&db), refs_(std::move(refs)), clock_(std::move(clock)) {}

void OfficerApi::operator()(const Request& request, std::string_view route, const Respond& respond) const {
    if (route == "officers") {
        if (request.method != "GET") return respond(json_error(405, "use GET"));
        return respond(list());
    }
    const std::string id(route.substr(std::string_view("officers/").size()));
    if (!is_officer_id(id))
        return respond(json_error(404, "no such officer: ids are lower-case letters, digits, '-' and '_'"));
    if (request.method == "GET") return respond(get(id));
    if (request.method == "PUT") return put(request, id, respond);
    respond(json_error(405, "use GET or PUT"));
}

HttpAnswer OfficerApi::list() const {
    std::vector<store::Officer> officers;
    db_->read([&](store::Session& s) { officers = store::list_officers(s); });
    json all = json::array();
    for (const auto& officer : officers) all.push_back(officer_json(officer));
    return json_answer(200, all);
}

HttpAnswer OfficerApi::get(const std::string& id) const {
    std::optional<store::Officer> officer;
    db_->read([&](store::Session& s) { officer = store::find_officer(s, id); });
    if (!officer) return json_error(404, "no officer '" + id + "'");
    return json_answer(200, officer_json(*officer));
}

void OfficerApi::put(const Request& request, const std::string& id, const Respond& respond) const {
    auto body = json_body(request);
    if (auto* error = std::get_if<HttpAnswer>(&body)) return respond(*error);
    auto officer = officer_from_json(id, std::get<json>(body), refs_);
    if (auto* problem = std::get_if<FieldProblem>(&officer)) return respond(problem_answer(*problem));
    const auto now = clock_();
    answer_after_commit(
        *db_,
        [officer = std::get<store::Officer>(std::move(officer)), now](store::Transaction& tx) {
            const bool created = store::upsert_officer(tx, officer, now);
            return json_answer(created ? 201 : 200, officer_json(officer));
        },
        respond);
}

}  // namespace motcua::bot
