#pragma once
// What load_content builds from dialogs/data: the procedure catalog (catalog.json) and the
// dialog scripts (scripts.json). Every text here has been validated as present and non-empty;
// phrases are stored folded (dialogs/text.hpp) and split into words, ready to match.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "dialogs/content.hpp"

namespace motcua::dialogs {

using Words = std::vector<std::string>;

// A phrase as matched: folded (dialogs/text.hpp) and split into words in spelling form
// (dialogs/message_words.hpp) once at load rather than for every message. A "*" word is a gap
// (kWildcardWords).
struct Phrase {
    Words words;  // "Đăng ký * mất": "dang" "ki" "*" "mat"
};

// A field of administration (lĩnh vực); officers are assigned fields.
struct Field {
    std::string id;    // "ho_tich"
    std::string name;  // "Hộ tịch"
};

// How a procedure can be done online, in Decree 42/2022's terms.
struct OnlineSubmission {
    enum class Kind { toan_trinh, mot_phan, none };
    Kind kind = Kind::none;
    std::string portal;              // where to go online ("dichvucong.gov.vn hoặc ứng dụng
                                     // VNeID"), or "" when kind is none
    std::string how;                 // a sentence: where and what is done online, or why not
    std::vector<std::string> steps;  // the portal / VNeID path, one step each
};

struct Procedure {
    std::string id;           // "khai_tu"
    std::string code;         // national code, "1.000656"
    std::string linked_code;  // the linked (liên thông) procedure's code, or ""
    std::string field;        // a Field id
    std::string name;         // "Đăng ký khai tử"
    std::vector<std::string> documents;
    std::string note;         // a condition the citizen must know, or ""
    std::string fee;
    std::string time_limit;
    std::string where;
    OnlineSubmission online;
    std::vector<Phrase> phrases;  // everyday names
};

struct Catalog {
    std::vector<Field> fields;
    std::vector<Procedure> procedures;  // in the order the procedure list shows them

    const Procedure* procedure(const std::string& id) const;
    const Field* field(const std::string& id) const;
};

// What choosing a menu entry does.
enum class Target {
    main_menu,       // show the main menu
    procedure_list,  // show the numbered list of procedures
    dossier_status,  // look up a dossier (B3)
    escalate,        // talk to an officer (B5)
    documents,       // the current procedure's documents and where to bring them
    fee_and_time,    // the current procedure's fee and time limit
    online,          // how to do the current procedure online
};

struct MenuChoice {
    std::string title;
    Target target = Target::main_menu;
};

struct Menu {
    std::string text;  // shown above the numbered choices
    std::vector<MenuChoice> choices;
};

// In a phrase, a "*" word stands for up to this many words of the message ("bà * mất" matches
// "bà mất", "bà tôi mất", "bà nội tôi mất").
constexpr std::size_t kWildcardWords = 2;

// Everyday phrases that make a message mean something, whatever its other words.
struct Phrases {
    std::vector<Phrase> greeting;
    std::vector<Phrase> menu;
    std::vector<Phrase> dossier_status;
    std::vector<Phrase> escalate;
    std::vector<Phrase> follow;
    std::vector<Phrase> unfollow;
    std::vector<Phrase> more;  // asks for the next part of a long answer
    // "mất bao lâu" (takes how long), "cần bổ sung" (needs adding, folded like "cán bộ"):
    // look like part of another phrase but never are one.
    std::vector<Phrase> look_alikes;
};

struct Scripts {
    Menu main_menu;
    std::string procedure_list_text;
    Menu procedure_menu;
    std::map<std::string, std::string> texts;  // every name of kTextNames, nothing else
    Phrases phrases;

    // The fixed text of that name with each "{key}" replaced by its value.
    std::string text(const std::string& name,
                     const std::map<std::string, std::string>& values = {}) const;
};

// How citizens write the words the phrases spell out (language.json), and which words the
// phrases know, so a message can be brought to the phrases' spelling before matching.
struct Lexicon {
    std::map<std::string, std::string> abbreviations;  // folded word → folded expansion
    // Every word (in spelling form, dialogs/message_words.hpp) of every phrase, expansion and
    // known word: the words a telex leftover or a typo may be read as, and never corrected.
    std::set<std::string> vocabulary;
    std::set<std::string> word_pairs;           // neighbours in a phrase: "khai sinh"
    std::map<std::string, std::string> joined;  // "khaisinh" → "khai sinh", from word_pairs
};

struct Content {
    Catalog catalog;
    Scripts scripts;
    Lexicon lexicon;
};

// One fixed text of scripts.json "texts" and the placeholders it may use.
struct TextName {
    const char* name;
    std::vector<std::string> placeholders;
};
const std::vector<TextName>& text_names();

}  // namespace motcua::dialogs
