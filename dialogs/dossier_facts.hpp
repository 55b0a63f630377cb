#pragma once
// What the dialogs may know of a dossier: the bot looks it up and passes these facts in, so the
// dialogs stay free of storage. Nothing here identifies the applicant (no phone, no name).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace motcua::dialogs {

// SPEC §4.2's status vocabulary.
enum class DossierStatus { received, processing, need_supplement, rejected, done, returned, withdrawn };

const std::vector<DossierStatus>& dossier_statuses();           // in the order of SPEC §4.2
std::string_view dossier_status_name(DossierStatus status);      // "need_supplement"
std::optional<DossierStatus> parse_dossier_status(std::string_view name);

// A dossier still being worked on whose due date has passed: due_at is before today (both
// YYYY-MM-DD, today in the deployment's time zone). Finished dossiers are never overdue.
bool is_overdue(DossierStatus status, const std::string& due_at, const std::string& today);

struct DossierFacts {
    std::string code;             // canonical, as stored
    std::string procedure;        // a catalog procedure id
    DossierStatus status = DossierStatus::received;
    std::string received_at;      // YYYY-MM-DD
    std::string due_at;           // YYYY-MM-DD
    std::string officer_name;     // "" when no officer is in charge
    std::string officer_title;
    std::string note;             // what to supplement, the reason of a refusal, or ""
    bool followed = false;        // the contact writing already follows this dossier
};

// "2026-11-20" as Vietnamese write dates: "20/11/2026". Anything else is returned unchanged.
std::string vietnamese_date(const std::string& iso_date);

}  // namespace motcua::dialogs
