#include "dialogs/dossier_answer.hpp"

#include <vector>

namespace motcua::dialogs {
namespace {

std::string lines(const std::vector<std::string>& parts) {
    std::string text;
    for (const std::string& part : parts) {
        if (part.empty()) continue;
        if (!text.empty()) text += '\n';
        text += part;
    }
    return text;
}

std::string procedure_name(const DossierFacts& dossier, const Catalog& catalog) {
    const Procedure* procedure = catalog.procedure(dossier.procedure);
    return procedure ? procedure->name : std::string();
}

// What the citizen has to do now, for the statuses that ask something of them.
std::vector<std::string> next_steps(const DossierFacts& dossier, const Scripts& scripts) {
    switch (dossier.status) {
        case DossierStatus::need_supplement:
            return {dossier.note.empty() ? "" : scripts.text("dossier_supplement", {{"note", dossier.note}}),
                    scripts.text("dossier_supplement_next")};
        case DossierStatus::rejected:
            return {dossier.note.empty() ? "" : scripts.text("dossier_reason", {{"note", dossier.note}})};
        case DossierStatus::done:
            return {scripts.text("dossier_done_next")};
        default:
            return {};
    }
}

}  // namespace

std::string status_label(DossierStatus status, const Scripts& scripts) {
    return scripts.text("status_" + std::string(dossier_status_name(status)));
}

Message dossier_answer(const DossierFacts& dossier, const std::string& today, const Content& content) {
    const Scripts& scripts = content.scripts;
    const std::string procedure = procedure_name(dossier, content.catalog);
    std::vector<std::string> parts = {
        procedure.empty() ? scripts.text("dossier_title_no_procedure", {{"code", dossier.code}})
                          : scripts.text("dossier_title", {{"code", dossier.code}, {"procedure", procedure}}),
        scripts.text(is_overdue(dossier.status, dossier.due_at, today) ? "dossier_status_overdue" : "dossier_status",
                     {{"label", status_label(dossier.status, scripts)}}),
        scripts.text("dossier_dates", {{"received", vietnamese_date(dossier.received_at)},
                                       {"due", vietnamese_date(dossier.due_at)}}),
        dossier.officer_name.empty()
            ? ""
            : scripts.text("dossier_officer", {{"name", dossier.officer_name}, {"title", dossier.officer_title}}),
    };
    for (std::string& step : next_steps(dossier, scripts)) parts.push_back(std::move(step));
    parts.push_back(scripts.text(dossier.followed ? "dossier_following" : "dossier_follow_offer"));
    return Message{lines(parts), {}, scripts.text("back_to_menu")};
}

Message unknown_dossier(const std::string& code, int misses, const Scripts& scripts) {
    return Message{lines({scripts.text("dossier_unknown", {{"code", code}}),
                          misses >= 2 ? scripts.text("dossier_unknown_again") : ""}),
                   {},
                   scripts.text("back_to_menu")};
}

Message status_change_message(const DossierFacts& dossier, const Scripts& scripts) {
    std::vector<std::string> parts = {scripts.text(
        "status_notice", {{"code", dossier.code}, {"label", status_label(dossier.status, scripts)}})};
    for (std::string& step : next_steps(dossier, scripts)) parts.push_back(std::move(step));
    parts.push_back(scripts.text("status_notice_unfollow", {{"code", dossier.code}}));
    return Message{lines(parts), {}, ""};
}

}  // namespace motcua::dialogs
