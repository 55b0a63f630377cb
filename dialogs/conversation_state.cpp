#include "dialogs/conversation_state.hpp"

#include <nlohmann/json.hpp>

namespace motcua::dialogs {
namespace {

using ShownMenu = ConversationState::Menu;

constexpr int kVersion = 1;

constexpr std::pair<ShownMenu, const char*> kMenuNames[] = {
    {ShownMenu::main, "main"},
    {ShownMenu::procedure_list, "procedure_list"},
    {ShownMenu::procedure, "procedure"},
    {ShownMenu::units, "units"},
};

}  // namespace

ConversationState parse_state(std::string_view stored, const Catalog& catalog) {
    const nlohmann::json doc = nlohmann::json::parse(stored, nullptr, /*allow_exceptions=*/false);
    if (!doc.is_object()) return {};
    ConversationState state;
    try {
        if (doc.value("v", 0) != kVersion) return {};
        const std::string menu = doc.value("menu", std::string("main"));
        for (const auto& [value, name] : kMenuNames) {
            if (menu == name) state.menu = value;
        }
        state.procedure = doc.value("procedure", std::string());
        state.pending = doc.value("pending", std::vector<std::string>());
        state.misses = doc.value("misses", 0);
        state.last_dossier = doc.value("last_dossier", std::string());
        state.code_misses = doc.value("code_misses", 0);
        state.unit = doc.value("unit", std::string());
        state.recent = doc.value("recent", std::vector<std::string>());
    } catch (const nlohmann::json::exception&) {
        return {};  // a value of the wrong type
    }
    if (!state.procedure.empty() && !catalog.procedure(state.procedure)) return {};
    if (state.menu == ShownMenu::procedure && state.procedure.empty()) state.menu = ShownMenu::main;
    if (state.misses < 0) state.misses = 0;
    if (state.code_misses < 0) state.code_misses = 0;
    return state;
}

std::string serialize_state(const ConversationState& state) {
    nlohmann::json doc = {{"v", kVersion}, {"misses", state.misses}};
    for (const auto& [value, name] : kMenuNames) {
        if (state.menu == value) doc["menu"] = name;
    }
    if (!state.procedure.empty()) doc["procedure"] = state.procedure;
    if (!state.pending.empty()) doc["pending"] = state.pending;
    if (!state.last_dossier.empty()) doc["last_dossier"] = state.last_dossier;
    if (state.code_misses > 0) doc["code_misses"] = state.code_misses;
    if (!state.unit.empty()) doc["unit"] = state.unit;
    if (!state.recent.empty()) doc["recent"] = state.recent;
    return doc.dump();
}

}  // namespace motcua::dialogs
