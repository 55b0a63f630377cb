#include "bot/officer_routing.hpp"

#include <algorithm>

namespace motcua::bot {
namespace {

bool has_field(const store::Officer& officer, const std::string& field) {
    return field.empty() || std::find(officer.fields.begin(), officer.fields.end(), field) != officer.fields.end();
}

}  // namespace

std::optional<store::Officer> route_escalation(const std::vector<store::Officer>& officers, const std::string& unit,
                                               const std::string& field, const std::set<std::string>& excluded) {
    std::vector<const store::Officer*> candidates;
    for (const auto& officer : officers)
        if (officer.active && officer.unit == unit && !excluded.count(officer.id)) candidates.push_back(&officer);
    std::sort(candidates.begin(), candidates.end(), [](auto* a, auto* b) { return a->id < b->id; });
    for (const auto* officer : candidates)
        if (has_field(*officer, field)) return *officer;
    if (!candidates.empty()) return *candidates.front();
    return std::nullopt;
}

std::optional<store::Officer> next_officer(const std::vector<store::Officer>& officers, const store::Officer& current,
                                           const std::string& unit, const std::string& field,
                                           const std::set<std::string>& tried) {
    for (const auto& officer : officers)
        if (officer.id == current.backup && officer.active && !tried.count(officer.id)) return officer;
    return route_escalation(officers, unit, field, tried);
}

}  // namespace motcua::bot
