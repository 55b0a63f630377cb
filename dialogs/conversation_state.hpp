#pragma once
// What the engine remembers of a conversation between two turns, and its stored form: a JSON
// object such as
//   {"v":1,"menu":"procedure","procedure":"khai_tu","pending":["...page 2...","...page 3..."],
//    "misses":0,"last_dossier":"H23.22-220110-0001","code_misses":0,"unit":"yet-kieu",
//    "recent":["cho hoi lam giay khai tu"]}
// A state the engine cannot read (corrupt, from a newer version, naming a procedure since
// removed from the catalog) starts the conversation afresh rather than failing the turn.
#include <string>
#include <string_view>
#include <vector>

#include "dialogs/content_model.hpp"

namespace motcua::dialogs {

struct ConversationState {
    // Which numbered choices the citizen's last reply showed, hence what a number means; a new
    // contact's numbers mean the main menu's.
    enum class Menu { main, procedure_list, procedure, units };
    Menu menu = Menu::main;
    std::string procedure;              // the procedure the conversation is about, or ""
    std::vector<std::string> pending;   // rendered parts of a long SMS answer not yet sent
    int misses = 0;                     // messages not understood in a row (B5 escalates at 2)
    std::string last_dossier;           // the dossier last answered: what "theo dõi" follows
    int code_misses = 0;                // unknown dossier codes in a row (the officer is offered at 2)
    std::string unit;                   // the unit the citizen named or chose, or ""
    std::vector<std::string> recent;    // the citizen's last few texts: the question an officer gets
};

ConversationState parse_state(std::string_view stored, const Catalog& catalog);
std::string serialize_state(const ConversationState& state);

}  // namespace motcua::dialogs
