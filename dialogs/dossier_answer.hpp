#pragma once
// What the bot says about a dossier: the status answer (B3), the answer to an unknown code,
// and the notice a follower gets when the status changes (B4). Texts come from scripts.json.
#include <string>

#include "dialogs/content_model.hpp"
#include "dialogs/dossier_facts.hpp"
#include "dialogs/render.hpp"

namespace motcua::dialogs {

// The status label citizens read ("Đang xử lý").
std::string status_label(DossierStatus status, const Scripts& scripts);

// Status, dates, overdue, officer in charge, the next step where there is one, and the offer
// to follow (or the reminder that the contact follows it already).
Message dossier_answer(const DossierFacts& dossier, const std::string& today, const Content& content);

// misses counts the unknown codes in a row, this one included: from the second on, the officer
// is offered.
Message unknown_dossier(const std::string& code, int misses, const Scripts& scripts);

// The notice of a new status, before rendering.
Message status_change_message(const DossierFacts& dossier, const Scripts& scripts);

}  // namespace motcua::dialogs
