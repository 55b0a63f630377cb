#include "bot/api_json.hpp"

namespace motcua::bot {

using nlohmann::json;

HttpAnswer json_answer(int status, const json& body) {
    return {status, "application/json", body.dump(-1, ' ', false, json::error_handler_t::replace)};
}

HttpAnswer problem_answer(const FieldProblem& problem) { return json_error(422, problem.text()); }

json nullable(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

std::variant<json, HttpAnswer> json_body(const Request& request) {
    auto body = json::parse(request.body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) return json_error(400, "the body must be a JSON object");
    return body;
}

}  // namespace motcua::bot
