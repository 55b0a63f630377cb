#include "dialogs/content_files.hpp"

namespace motcua::dialogs {
namespace {

using nlohmann::json;

struct TargetName {
    const char* name;
    Target target;
    bool needs_procedure;
};

constexpr TargetName kTargets[] = {
    {"main_menu", Target::main_menu, false},
    {"procedure_list", Target::procedure_list, false},
    {"dossier_status", Target::dossier_status, false},
    {"escalate", Target::escalate, false},
    {"documents", Target::documents, true},
    {"fee_and_time", Target::fee_and_time, true},
    {"online", Target::online, true},
};

Menu read_menu(const json& obj, const std::string& path, bool in_procedure,
               ContentReader& reader) {
    Menu menu;
    reader.reject_unknown_keys(obj, path, {"text", "choices"});
    menu.text = reader.text(obj, path, "text");
    const json* choices = reader.list(obj, path, "choices");
    if (!choices) return menu;
    for (std::size_t i = 0; i < choices->size(); ++i) {
        const std::string item_path = element_path(member_path(path, "choices"), i);
        const json& item = (*choices)[i];
        if (!item.is_object()) {
            reader.problem(item_path, "bad type: expected an object");
            continue;
        }
        reader.reject_unknown_keys(item, item_path, {"title", "target"});
        MenuChoice choice{reader.text(item, item_path, "title")};
        const std::string target = reader.text(item, item_path, "target");
        const TargetName* known = nullptr;
        for (const TargetName& t : kTargets) {
            if (target == t.name) known = &t;
        }
        if (!known) {
            if (!target.empty()) {
                reader.problem(member_path(item_path, "target"),
                               "unknown menu target '" + target + "'");
            }
            continue;
        }
        if (known->needs_procedure && !in_procedure) {
            reader.problem(member_path(item_path, "target"),
                           "menu target '" + target + "' needs a procedure: only in procedure_menu");
            continue;
        }
        choice.target = known->target;
        menu.choices.push_back(std::move(choice));
    }
    return menu;
}

// The names between braces in text, "{" and "}" with no brace in between: hand-written rather
// than std::regex, whose recursion per character overflows the stack on a long enough text.
std::vector<std::string> placeholders(const std::string& text) {
    std::vector<std::string> names;
    for (std::size_t open = text.find('{'); open != std::string::npos;) {
        const std::size_t next = text.find_first_of("{}", open + 1);
        if (next == std::string::npos) break;
        if (text[next] == '}') names.push_back(text.substr(open + 1, next - open - 1));
        open = text.find('{', next);
    }
    return names;
}

std::map<std::string, std::string> read_texts(const json& obj, ContentReader& reader) {
    std::map<std::string, std::string> texts;
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        bool known = false;
        for (const TextName& t : text_names()) known = known || it.key() == t.name;
        if (!known) reader.problem(member_path("texts", it.key()), "unknown key");
    }
    for (const TextName& t : text_names()) {
        std::string value = reader.text(obj, "texts", t.name);
        for (const std::string& key : placeholders(value)) {
            bool allowed = false;
            for (const std::string& p : t.placeholders) allowed = allowed || p == key;
            if (!allowed) {
                reader.problem(member_path("texts", t.name),
                               "unknown placeholder {" + excerpt(key) + "}");
            }
        }
        if (!value.empty()) texts.emplace(t.name, std::move(value));
    }
    return texts;
}

Phrases read_phrases(const json& obj, PhraseOwners& owners, ContentReader& reader) {
    Phrases phrases;
    const std::pair<const char*, std::vector<Phrase>*> lists[] = {
        {"greeting", &phrases.greeting},
        {"menu", &phrases.menu},
        {"dossier_status", &phrases.dossier_status},
        {"escalate", &phrases.escalate},
        {"follow", &phrases.follow},
        {"unfollow", &phrases.unfollow},
        {"more", &phrases.more},
        {"look_alikes", &phrases.look_alikes},
    };
    reader.reject_unknown_keys(obj, "phrases",
                               {"greeting", "menu", "dossier_status", "escalate", "follow",
                                "unfollow", "more", "look_alikes"});
    for (const auto& [name, list] : lists) {
        *list = fold_phrases(reader.texts(obj, "phrases", name),
                             member_path("phrases", name), std::string("phrases.") + name,
                             owners, reader);
    }
    return phrases;
}

}  // namespace

const std::vector<TextName>& text_names() {
    static const std::vector<TextName> names = {
        {"greeting", {}},
        {"follow_greeting", {}},
        {"not_understood", {}},
        {"unsupported", {}},
        {"bad_choice", {"number"}},
        {"back_to_menu", {}},
        {"more_prompt", {"page", "pages"}},
        {"dossier_ask_code", {}},
        {"dossier_title", {"code", "procedure"}},
        {"dossier_title_no_procedure", {"code"}},
        {"dossier_status", {"label"}},
        {"dossier_status_overdue", {"label"}},
        {"dossier_dates", {"received", "due"}},
        {"dossier_officer", {"name", "title"}},
        {"dossier_supplement", {"note"}},
        {"dossier_supplement_next", {}},
        {"dossier_reason", {"note"}},
        {"dossier_done_next", {}},
        {"dossier_follow_offer", {}},
        {"dossier_following", {}},
        {"dossier_unknown", {"code"}},
        {"dossier_unknown_again", {}},
        {"follow_done", {"code"}},
        {"follow_which", {}},
        {"unfollow_done", {"code"}},
        {"unfollow_all", {}},
        {"status_notice", {"code", "label"}},
        {"status_notice_unfollow", {"code"}},
        {"notice_part", {"page", "pages"}},
        {"status_received", {}},
        {"status_processing", {}},
        {"status_need_supplement", {}},
        {"status_rejected", {}},
        {"status_done", {}},
        {"status_returned", {}},
        {"status_withdrawn", {}},
        {"escalate_unavailable", {}},
        {"escalation_ask_unit", {}},
        {"escalation_opened", {"number", "name", "title", "phone"}},
        {"escalation_open_now", {}},
        {"escalation_closed_now", {"when"}},
        {"escalation_handoff", {}},
        {"escalation_relay", {"name", "text"}},
        {"escalation_done", {"name", "number"}},
        {"escalation_reassigned", {"previous", "number", "name", "title", "phone"}},
        {"escalation_idle", {"number"}},
        {"opening_when", {"part", "day", "time"}},
        {"opening_morning", {}},
        {"opening_afternoon", {}},
        {"opening_today", {}},
        {"opening_tomorrow", {}},
        {"day_mon", {}},
        {"day_tue", {}},
        {"day_wed", {}},
        {"day_thu", {}},
        {"day_fri", {}},
        {"day_sat", {}},
        {"day_sun", {}},
        {"officer_brief", {"number", "unit", "subject", "question"}},
        {"officer_brief_reassigned", {"previous"}},
        {"officer_brief_phone", {"phone"}},
        {"officer_brief_how", {"number"}},
        {"officer_subject_general", {}},
        {"officer_forward", {"number", "text"}},
        {"officer_closed", {"number"}},
        {"officer_empty_answer", {"number"}},
        {"officer_unknown_number", {"number"}},
        {"officer_already_closed", {"number"}},
        {"officer_which", {"numbers"}},
        {"officer_none_open", {}},
        {"guide_title", {"name", "code"}},
        {"guide_linked", {"code"}},
        {"guide_documents", {}},
        {"guide_note", {"note"}},
        {"guide_fee", {"fee"}},
        {"guide_time_limit", {"time_limit"}},
        {"guide_where", {"where"}},
        {"guide_online_hint", {"portal"}},
        {"online_toan_trinh", {"how"}},
        {"online_mot_phan", {"how"}},
        {"online_none", {"how"}},
        {"online_step", {"number", "step"}},
        {"online_account", {}},
        {"online_hint", {"portal"}},
    };
    return names;
}

std::string Scripts::text(const std::string& name,
                          const std::map<std::string, std::string>& values) const {
    auto it = texts.find(name);
    if (it == texts.end()) return {};
    std::string out;
    const std::string& source = it->second;
    for (std::size_t i = 0; i < source.size();) {
        std::size_t close = source[i] == '{' ? source.find('}', i) : std::string::npos;
        auto value = close == std::string::npos
                         ? values.end()
                         : values.find(source.substr(i + 1, close - i - 1));
        if (value != values.end()) {
            out += value->second;
            i = close + 1;
        } else {
            out += source[i++];
        }
    }
    return out;
}

Scripts read_scripts(const json& doc, PhraseOwners& phrase_owners, ContentReader& reader) {
    Scripts scripts;
    if (!doc.is_object()) {
        reader.problem("$", "bad type: expected an object");
        return scripts;
    }
    reader.reject_unknown_keys(doc, "",
                               {"main_menu", "procedure_list", "procedure_menu", "texts", "phrases"});
    if (const json* menu = reader.object(doc, "", "main_menu")) {
        scripts.main_menu = read_menu(*menu, "main_menu", false, reader);
    }
    if (const json* list = reader.object(doc, "", "procedure_list")) {
        reader.reject_unknown_keys(*list, "procedure_list", {"text"});
        scripts.procedure_list_text = reader.text(*list, "procedure_list", "text");
    }
    if (const json* menu = reader.object(doc, "", "procedure_menu")) {
        scripts.procedure_menu = read_menu(*menu, "procedure_menu", true, reader);
    }
    if (const json* texts = reader.object(doc, "", "texts")) {
        scripts.texts = read_texts(*texts, reader);
    }
    if (const json* phrases = reader.object(doc, "", "phrases")) {
        scripts.phrases = read_phrases(*phrases, phrase_owners, reader);
    }
    return scripts;
}

}  // namespace motcua::dialogs
