#pragma once
// What a citizen's message means, whatever the conversation so far (SPEC §4.4): the engine adds
// the context (menu numbers, continuations), POST /api/v1/parse shows this alone.
#include <string>
#include <string_view>
#include <vector>

#include "dialogs/content_model.hpp"

namespace motcua::dialogs {

enum class Intent { greeting, menu, procedure, dossier_status, escalate, follow, unfollow, unknown };

std::string_view intent_name(Intent intent);  // "greeting", "menu", ...

struct Understanding {
    Intent intent = Intent::unknown;
    std::string procedure;     // a catalog id, or "" when the message names none
    std::string dossier_code;  // the dossier code in the message (canonical form), or ""
    std::string unit;          // a unit id the message names, or ""
};

// A configured unit (commune) as citizens may name it: "Xã Yết Kiêu", "yet kieu".
struct UnitName {
    std::string id;    // "yet-kieu"
    std::string name;  // "Xã Yết Kiêu"
};

// The intent is the most specific request the message makes, in this order: a choice number
// alone (menu), unfollow, follow, escalate, dossier status (a dossier code or a status
// question), procedure, the menu by name, greeting; else unknown. A procedure, a dossier code
// and a unit are reported whenever the message names them, whatever the intent.
Understanding understand(std::string_view text, const Content& content,
                         const std::vector<UnitName>& units);
// The same knowing no units: Understanding::unit stays "".
Understanding understand(std::string_view text, const Content& content);

// True when the message asks for the next part of a long answer ("0", "xem tiếp").
bool asks_for_more(std::string_view text, const Content& content);

}  // namespace motcua::dialogs
