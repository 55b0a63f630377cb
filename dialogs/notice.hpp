#pragma once
// A message nobody asked for (a status change, an officer's answer, an escalation's brief):
// there is no conversation turn to hold a continuation, so every part goes out at once, each
// numbered "(1/2)" when there are several.
#include <vector>

#include "dialogs/content_model.hpp"
#include "dialogs/render.hpp"

namespace motcua::dialogs {

std::vector<Reply> notice_replies(const Message& message, const Medium& medium, const Scripts& scripts);

}  // namespace motcua::dialogs
