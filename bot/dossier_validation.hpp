#pragma once
// The one check every dossier passes before it is stored, whether it came from
// PUT /api/v1/dossiers/{code} or from `motcua import dossiers` (SPEC §4.2).
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "bot/field_problem.hpp"
#include "bot/references.hpp"
#include "store/dossiers.hpp"

namespace motcua::bot {

// Field name → text, as a CSV row or a JSON body gives them; absent optional fields are "".
using DossierFields = std::map<std::string, std::string>;

// The fields a dossier has besides its code, in SPEC §4.2's order; the first five are required.
const std::vector<std::string>& dossier_field_names();
bool is_required_dossier_field(std::string_view name);

// The canonical form of a dossier code written alone ("h23.22-220110-0001" →
// "H23.22-220110-0001"), or nullopt when the text is not one code and nothing else.
std::optional<std::string> canonical_dossier_code(std::string_view text);

// YYYY-MM-DD naming a day of the Gregorian calendar.
bool is_calendar_date(std::string_view text);

// The dossier to store, or the first problem found: everything but the officer, which only the
// store knows.
std::variant<store::Dossier, FieldProblem> validate_dossier(std::string_view code, DossierFields fields,
                                                             const References& rules);
// The officer in charge, if any, must exist: asked inside the transaction that writes.
std::optional<FieldProblem> check_dossier_officer(const store::Dossier& dossier,
                                                  const std::function<bool(const std::string&)>& officer_exists);

// A JSON body's fields: each a string (null for an optional one means ""), no unknown key.
// "code" (when equal to the path's) and "overdue" are accepted and ignored, so what GET answers
// can be PUT back.
std::variant<DossierFields, FieldProblem> dossier_fields_from_json(const nlohmann::json& body,
                                                                   const std::string& code);

}  // namespace motcua::bot
