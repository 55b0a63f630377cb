#include "dialogs/conversation_state.hpp"

#include <climits>
#include <cstdint>
#include <optional>

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

// The largest count a stored state may hold: more than any conversation reaches, and far from
// overflowing when the engine adds one.
constexpr std::int64_t kMaxCount = 1'000'000;

// A count field, 0 when absent; nullopt when it is no integer or out of range, since reading a
// float or a huge number as an int is undefined behaviour.
std::optional<int> int_field(const nlohmann::json& doc, const char* key) {
    const auto it = doc.find(key);
    if (it == doc.end()) return 0;
    if (!it->is_number_integer()) return std::nullopt;
    if (it->is_number_unsigned() && it->get<std::uint64_t>() > kMaxCount) return std::nullopt;
    const auto value = it->get<std::int64_t>();
    if (value > kMaxCount || value < INT_MIN) return std::nullopt;
    return static_cast<int>(value);
}

}  // namespace

ConversationState parse_state(std::string_view stored, const Catalog& catalog) {
    const nlohmann::json doc = nlohmann::json::parse(stored, nullptr, /*allow_exceptions=*/false);
    if (!doc.is_object()) return {};
    ConversationState state;
    try {
        const auto misses = int_field(doc, "misses");
        const auto code_misses = int_field(doc, "code_misses");
        if (int_field(doc, "v") != kVersion || !misses || !code_misses) return {};
        const std::string menu = doc.value("menu", std::string("main"));
        for (const auto& [value, name] : kMenuNames) {
            if (menu == name) state.menu = value;
        }
        state.procedure = doc.value("procedure", std::string());
        state.pending = doc.value("pending", std::vector<std::string>());
        state.misses = *misses;
        state.last_dossier = doc.value("last_dossier", std::string());
        state.code_misses = *code_misses;
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
