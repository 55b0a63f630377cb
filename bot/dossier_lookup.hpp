#pragma once
// Turns stored dossiers into the facts the dialogs may see: the officer resolved to a name and
// title, the status parsed, and nothing that identifies the applicant.
#include <cstdint>
#include <optional>
#include <string>

#include "adapters/message.hpp"
#include "dialogs/dossier_facts.hpp"
#include "store/dossiers.hpp"
#include "store/session.hpp"

namespace motcua::bot {

// followed: whether the contact the facts are for follows the dossier.
dialogs::DossierFacts dossier_facts(store::Session& s, const store::Dossier& dossier, bool followed);

// A citizen's question about a code, inside the message's transaction: recorded for the
// statistics, and, when the applicant asks from their own phone by SMS, followed unless they
// opted out before. nullopt when no dossier has the code.
std::optional<dialogs::DossierFacts> look_up_for_citizen(store::Transaction& tx, const std::string& code,
                                                         Channel channel, const std::string& contact,
                                                         std::int64_t now_ms);

}  // namespace motcua::bot
