#include "bot/officer_validation.hpp"

#include "adapters/phone.hpp"
#include "adapters/utf8.hpp"
#include "dialogs/content_model.hpp"

namespace motcua::bot {
namespace {

using nlohmann::json;

constexpr std::size_t max_id_length = 64;
constexpr std::size_t max_text_bytes = 200;

// A required or optional text member; "" when an optional one is absent or null.
std::variant<std::string, FieldProblem> text_member(const json& body, const char* name, bool required) {
    if (!body.contains(name) || body[name].is_null()) {
        if (required) return FieldProblem{name, "required"};
        return std::string();
    }
    if (!body[name].is_string()) return FieldProblem{name, "must be a string"};
    auto value = body[name].get<std::string>();
    if (!adapters::is_valid_utf8(value)) return FieldProblem{name, "not valid UTF-8"};
    if (value.size() > max_text_bytes) return FieldProblem{name, "longer than " + std::to_string(max_text_bytes) + " bytes"};
    if (required && value.empty()) return FieldProblem{name, "required"};
    return value;
}

}  // namespace

bool is_officer_id(std::string_view id) {
    if (id.empty() || id.size() > max_id_length) return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
    return true;
}

std::variant<store::Officer, FieldProblem> officer_from_json(const std::string& id, const json& body,
                                                             const References& refs) {
    for (auto it = body.begin(); it != body.end(); ++it) {
        static const std::set<std::string> known = {"id", "name", "title", "phone", "unit", "fields", "backup", "active"};
        if (!known.count(it.key())) return FieldProblem{it.key(), "unknown field"};
    }
    if (body.contains("id") && body["id"] != id) return FieldProblem{"id", "differs from the id in the path"};
    store::Officer officer{id, "", "", "", "", {}, "", true};
    std::string phone;
    const std::pair<const char*, std::string*> texts[] = {
        {"name", &officer.name}, {"title", &officer.title}, {"phone", &phone}, {"unit", &officer.unit}, {"backup", &officer.backup}};
    for (const auto& [name, target] : texts) {
        auto value = text_member(body, name, std::string_view(name) != "backup");
        if (auto* problem = std::get_if<FieldProblem>(&value)) return *problem;
        *target = std::get<std::string>(value);
    }
    const auto e164 = adapters::to_e164(phone);
    if (!e164) return FieldProblem{"phone", "not a phone number (E.164 such as +84900000001, or 09...)"};
    officer.phone = *e164;
    if (!refs.units.count(officer.unit)) return FieldProblem{"unit", "unknown unit '" + officer.unit + "'"};
    if (!officer.backup.empty() && !is_officer_id(officer.backup))
        return FieldProblem{"backup", "not an officer id"};
    if (officer.backup == id) return FieldProblem{"backup", "an officer cannot be their own backup"};
    if (body.contains("fields") && !body["fields"].is_null()) {
        if (!body["fields"].is_array()) return FieldProblem{"fields", "must be a list of field ids"};
        for (const auto& field : body["fields"]) {
            if (!field.is_string()) return FieldProblem{"fields", "must be a list of field ids"};
            const auto name = field.get<std::string>();
            if (!refs.content->catalog.field(name)) return FieldProblem{"fields", "unknown field id '" + name + "'"};
            officer.fields.push_back(name);
        }
    }
    if (body.contains("active") && !body["active"].is_null()) {
        if (!body["active"].is_boolean()) return FieldProblem{"active", "must be true or false"};
        officer.active = body["active"].get<bool>();
    }
    return officer;
}

json officer_json(const store::Officer& officer) {
    return {{"id", officer.id},         {"name", officer.name},     {"title", officer.title},
            {"phone", officer.phone},   {"unit", officer.unit},     {"fields", officer.fields},
            {"backup", officer.backup.empty() ? json(nullptr) : json(officer.backup)},
            {"active", officer.active}};
}

}  // namespace motcua::bot
