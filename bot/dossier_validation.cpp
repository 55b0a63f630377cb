#include "bot/dossier_validation.hpp"

#include <algorithm>

#include "adapters/phone.hpp"
#include "adapters/utf8.hpp"
#include "dialogs/content_model.hpp"
#include "dialogs/dossier_code.hpp"
#include "dialogs/dossier_facts.hpp"

namespace motcua::bot {
namespace {

constexpr std::size_t required_fields = 5;
constexpr std::size_t max_note_bytes = 2000;

std::string upper(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    return out;
}

// The code's letters, digits and dots only: how two writings of one code compare.
std::string code_skeleton(std::string_view code) {
    std::string out;
    for (char c : upper(code))
        if (c != '-' && c != ' ') out += c;
    return out;
}

int digits(std::string_view text) {
    int n = 0;
    for (char c : text) n = n * 10 + (c - '0');
    return n;
}

std::string quoted(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    out += '\'';
    out.append(text);
    out += '\'';
    return out;
}

std::string known_list(const std::set<std::string>& known) {
    std::string out;
    for (const auto& k : known) out += (out.empty() ? "" : ", ") + k;
    return out;
}

}  // namespace

const std::vector<std::string>& dossier_field_names() {
    static const std::vector<std::string> names = {"procedure", "unit", "status", "received_at", "due_at",
                                                   "officer", "applicant_phone", "note"};
    return names;
}

bool is_required_dossier_field(std::string_view name) {
    const auto& names = dossier_field_names();
    const auto at = std::find(names.begin(), names.end(), name);
    return at != names.end() && static_cast<std::size_t>(at - names.begin()) < required_fields;
}

std::optional<std::string> canonical_dossier_code(std::string_view text) {
    auto found = dialogs::find_dossier_code(text);
    if (!found || code_skeleton(*found) != code_skeleton(text)) return std::nullopt;
    return found;
}

bool is_calendar_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (text[i] < '0' || text[i] > '9') return false;
    const int year = digits(text.substr(0, 4));
    const int month = digits(text.substr(5, 2));
    const int day = digits(text.substr(8, 2));
    static constexpr int month_days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (year < 1900 || month < 1 || month > 12 || day < 1 || day > month_days[month - 1]) return false;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return !(month == 2 && day == 29 && !leap);
}

std::variant<store::Dossier, FieldProblem> validate_dossier(std::string_view code, DossierFields fields,
                                                             const References& rules) {
    const auto canonical = canonical_dossier_code(code);
    if (!canonical)
        return FieldProblem{"code", quoted(code).append(" is not a dossier code (agency parts, a date of 6 or 8 "
                                                        "digits and a sequence of 4 to 7 digits, e.g. "
                                                        "H23.22-220110-0001)")};
    for (const auto& [name, value] : fields) {
        if (std::find(dossier_field_names().begin(), dossier_field_names().end(), name) == dossier_field_names().end())
            return FieldProblem{name, "unknown field"};
        if (!adapters::is_valid_utf8(value)) return FieldProblem{name, "not valid UTF-8"};
    }
    auto value = [&fields](const std::string& name) {
        auto it = fields.find(name);
        return it == fields.end() ? std::string() : std::move(it->second);
    };
    for (const auto& name : dossier_field_names()) {
        if (!is_required_dossier_field(name)) break;
        if (auto it = fields.find(name); it == fields.end() || it->second.empty()) return FieldProblem{name, "required"};
    }

    store::Dossier d{*canonical, value("procedure"), value("unit"), value("status"), value("received_at"),
                     value("due_at"), value("officer"), "", value("note")};
    if (!rules.content->catalog.procedure(d.procedure))
        return FieldProblem{"procedure", "unknown procedure '" + d.procedure + "'"};
    if (!rules.units.count(d.unit))
        return FieldProblem{"unit", "unknown unit '" + d.unit + "' (configured: " + known_list(rules.units) + ")"};
    if (!dialogs::parse_dossier_status(d.status)) {
        std::string statuses;
        for (auto s : dialogs::dossier_statuses()) statuses += (statuses.empty() ? "" : ", ") + std::string(dialogs::dossier_status_name(s));
        return FieldProblem{"status", "unknown status '" + d.status + "' (one of " + statuses + ")"};
    }
    if (!is_calendar_date(d.received_at))
        return FieldProblem{"received_at", "'" + d.received_at + "' is not a date YYYY-MM-DD"};
    if (!is_calendar_date(d.due_at)) return FieldProblem{"due_at", "'" + d.due_at + "' is not a date YYYY-MM-DD"};
    if (d.due_at < d.received_at) return FieldProblem{"due_at", "before received_at"};
    if (const auto phone = value("applicant_phone"); !phone.empty()) {
        const auto e164 = adapters::to_e164(phone);
        if (!e164) return FieldProblem{"applicant_phone", "not a phone number"};
        d.applicant_phone = *e164;
    }
    if (d.note.size() > max_note_bytes)
        return FieldProblem{"note", "longer than " + std::to_string(max_note_bytes) + " bytes"};
    return d;
}

std::optional<FieldProblem> check_dossier_officer(const store::Dossier& dossier,
                                                  const std::function<bool(const std::string&)>& officer_exists) {
    if (dossier.officer.empty() || officer_exists(dossier.officer)) return std::nullopt;
    return FieldProblem{"officer", "unknown officer '" + dossier.officer + "'"};
}

std::variant<DossierFields, FieldProblem> dossier_fields_from_json(const nlohmann::json& body,
                                                                   const std::string& code) {
    DossierFields fields;
    for (auto it = body.begin(); it != body.end(); ++it) {
        const std::string& name = it.key();
        if (name == "overdue") continue;
        if (name == "code") {
            if (!it->is_string() || canonical_dossier_code(it->get<std::string>()) != canonical_dossier_code(code))
                return FieldProblem{"code", "differs from the code in the path"};
            continue;
        }
        if (std::find(dossier_field_names().begin(), dossier_field_names().end(), name) == dossier_field_names().end())
            return FieldProblem{name, "unknown field"};
        if (it->is_null() && !is_required_dossier_field(name)) continue;
        if (!it->is_string()) return FieldProblem{name, "must be a string"};
        fields[name] = it->get<std::string>();
    }
    return fields;
}

}  // namespace motcua::bot
