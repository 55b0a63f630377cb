#pragma once
// The check of an officer record sent to PUT /api/v1/officers/{id} (SPEC §4.1).
#include <string>
#include <string_view>
#include <variant>

#include <nlohmann/json.hpp>

#include "bot/field_problem.hpp"
#include "bot/references.hpp"
#include "store/officers.hpp"

namespace motcua::bot {

// Lower-case letters, digits, "-" and "_", 1 to 64 of them: safe in a path and in an SMS.
bool is_officer_id(std::string_view id);

// {"name", "title", "phone", "unit", "fields", "backup", "active"}: name, title, phone and unit
// are required; phone is stored as E.164; fields default to none, active to true.
std::variant<store::Officer, FieldProblem> officer_from_json(const std::string& id, const nlohmann::json& body,
                                                             const References& refs);

nlohmann::json officer_json(const store::Officer& officer);

}  // namespace motcua::bot
