#pragma once
// A procedure's guide in words, from its catalog entry and the scripts' labels: all of it (B2),
// or one part of it for the procedure menu's choices.
#include <string>

#include "dialogs/content_model.hpp"

namespace motcua::dialogs {

// Documents, fee, time limit, where to submit and how to submit online; right under the title,
// that the procedure can be done online, when it can.
std::string full_guide(const Procedure& procedure, const Scripts& scripts);
// Documents to bring, the condition to know, and where to bring them. This and the fee and time
// answer end with where the procedure can be done online, when it can.
std::string documents_guide(const Procedure& procedure, const Scripts& scripts);
std::string fee_and_time_guide(const Procedure& procedure, const Scripts& scripts);
std::string online_guide(const Procedure& procedure, const Scripts& scripts);

}  // namespace motcua::dialogs
