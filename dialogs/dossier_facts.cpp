#include "dialogs/dossier_facts.hpp"

#include <utility>

namespace motcua::dialogs {
namespace {

constexpr std::pair<DossierStatus, std::string_view> kNames[] = {
    {DossierStatus::received, "received"},
    {DossierStatus::processing, "processing"},
    {DossierStatus::need_supplement, "need_supplement"},
    {DossierStatus::rejected, "rejected"},
    {DossierStatus::done, "done"},
    {DossierStatus::returned, "returned"},
    {DossierStatus::withdrawn, "withdrawn"},
};

bool is_finished(DossierStatus status) {
    return status == DossierStatus::done || status == DossierStatus::returned ||
           status == DossierStatus::rejected || status == DossierStatus::withdrawn;
}

bool is_iso_date(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (s[i] < '0' || s[i] > '9') return false;
    }
    return true;
}

}  // namespace

const std::vector<DossierStatus>& dossier_statuses() {
    static const std::vector<DossierStatus> all = [] {
        std::vector<DossierStatus> statuses;
        for (const auto& [status, name] : kNames) statuses.push_back(status);
        return statuses;
    }();
    return all;
}

std::string_view dossier_status_name(DossierStatus status) {
    for (const auto& [value, name] : kNames) {
        if (value == status) return name;
    }
    return "received";
}

std::optional<DossierStatus> parse_dossier_status(std::string_view name) {
    for (const auto& [value, known] : kNames) {
        if (known == name) return value;
    }
    return std::nullopt;
}

bool is_overdue(DossierStatus status, const std::string& due_at, const std::string& today) {
    // ISO dates of the same shape order as text.
    return !is_finished(status) && is_iso_date(due_at) && is_iso_date(today) && due_at < today;
}

std::string vietnamese_date(const std::string& iso_date) {
    if (!is_iso_date(iso_date)) return iso_date;
    return iso_date.substr(8, 2) + "/" + iso_date.substr(5, 2) + "/" + iso_date.substr(0, 4);
}

}  // namespace motcua::dialogs
