#pragma once
// What a citizen's message means, whatever the conversation so far (SPEC §4.4): the engine adds
// the context (menu numbers, continuations), POST /api/v1/parse shows this alone.
#include <string>
#include <string_view>

#include "dialogs/content_model.hpp"

namespace motcua::dialogs {

enum class Intent { greeting, menu, procedure, dossier_status, escalate, follow, unfollow, unknown };

std::string_view intent_name(Intent intent);  // "greeting", "menu", ...

struct Understanding {
    Intent intent = Intent::unknown;
    std::string procedure;     // a catalog id, or "" when the message names none
    std::string dossier_code;  // the dossier code in the message, or ""
    std::string unit;          // a unit id the message names, or ""
};

Understanding understand(std::string_view text, const Content& content);

// True when the message asks for the next part of a long answer ("0", "xem tiếp").
bool asks_for_more(std::string_view text, const Content& content);

}  // namespace motcua::dialogs
