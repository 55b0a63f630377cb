#pragma once
// JSON in and out for the admin API's endpoints.
#include <string>
#include <variant>

#include <nlohmann/json.hpp>

#include "bot/field_problem.hpp"
#include "bot/http_server.hpp"

namespace motcua::bot {

HttpAnswer json_answer(int status, const nlohmann::json& body);
// 422 {"error": "field: message"}.
HttpAnswer problem_answer(const FieldProblem& problem);
nlohmann::json nullable(const std::string& s);  // null for ""

// The request body as a JSON object, or the 400 to answer.
std::variant<nlohmann::json, HttpAnswer> json_body(const Request& request);

}  // namespace motcua::bot
