#include <set>

#include "dialogs/content_files.hpp"
#include "dialogs/message_words.hpp"
#include "dialogs/text.hpp"

namespace motcua::dialogs {
namespace {

using nlohmann::json;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

// Hand-written rather than std::regex, whose recursion per character overflows the stack on a
// long enough value, and these are the commune's own edits.
bool is_id(const std::string& id) {
    if (id.empty() || !is_lower(id.front())) return false;
    for (char c : id) {
        if (!is_lower(c) && !is_digit(c) && c != '_') return false;
    }
    return true;
}

// "1.000656": a digit, a dot, six digits.
bool is_national_code(const std::string& code) {
    if (code.size() != 8 || !is_digit(code[0]) || code[1] != '.') return false;
    for (std::size_t i = 2; i < code.size(); ++i) {
        if (!is_digit(code[i])) return false;
    }
    return true;
}

std::string read_id(const json& obj, const std::string& path, ContentReader& reader) {
    std::string id = reader.text(obj, path, "id");
    if (!id.empty() && !is_id(id)) {
        reader.problem(member_path(path, "id"),
                       "bad id '" + excerpt(id) + "' (lower case a-z, 0-9, _)");
    }
    return id;
}

std::string read_code(const json& obj, const std::string& path, const char* key, bool optional,
                      ContentReader& reader) {
    std::string code = reader.text(obj, path, key, optional);
    if (!code.empty() && !is_national_code(code)) {
        reader.problem(member_path(path, key),
                       "bad national code '" + excerpt(code) + "' (expected like 1.000656)");
    }
    return code;
}

OnlineSubmission read_online(const json& obj, const std::string& path, ContentReader& reader) {
    OnlineSubmission online;
    reader.reject_unknown_keys(obj, path, {"kind", "portal", "how", "steps"});
    const std::string kind = reader.text(obj, path, "kind");
    if (kind == "toan_trinh") {
        online.kind = OnlineSubmission::Kind::toan_trinh;
    } else if (kind == "mot_phan") {
        online.kind = OnlineSubmission::Kind::mot_phan;
    } else if (kind == "none") {
        online.kind = OnlineSubmission::Kind::none;
    } else if (!kind.empty()) {
        reader.problem(member_path(path, "kind"), "unknown online kind '" + excerpt(kind) +
                                                      "' (toan_trinh, mot_phan or none)");
    }
    // Where to go online is what every answer about the procedure mentions, so a procedure
    // that can be done online must say it, and one that cannot must not.
    const bool online_possible = online.kind != OnlineSubmission::Kind::none;
    online.portal = reader.text(obj, path, "portal", /*optional=*/!online_possible);
    online.how = reader.text(obj, path, "how");
    online.steps = reader.texts(obj, path, "steps", /*optional=*/!online_possible);
    if (!online_possible && kind == "none") {
        for (const char* key : {"portal", "steps"}) {
            if (obj.contains(key)) {
                reader.problem(member_path(path, key), "not allowed when kind is none");
            }
        }
    }
    return online;
}

Procedure read_procedure(const json& obj, const std::string& path, const Catalog& catalog,
                         PhraseOwners& phrase_owners,
                         ContentReader& reader) {
    Procedure p;
    reader.reject_unknown_keys(obj, path,
                               {"id", "code", "linked_code", "field", "name", "documents", "note",
                                "fee", "time_limit", "where", "online", "phrases"});
    p.id = read_id(obj, path, reader);
    p.code = read_code(obj, path, "code", false, reader);
    p.linked_code = read_code(obj, path, "linked_code", true, reader);
    p.field = reader.text(obj, path, "field");
    if (!p.field.empty() && !catalog.field(p.field)) {
        reader.problem(member_path(path, "field"),
                       "unknown field reference '" + excerpt(p.field) + "'");
    }
    p.name = reader.text(obj, path, "name");
    p.documents = reader.texts(obj, path, "documents");
    p.note = reader.text(obj, path, "note", /*optional=*/true);
    p.fee = reader.text(obj, path, "fee");
    p.time_limit = reader.text(obj, path, "time_limit");
    p.where = reader.text(obj, path, "where");
    if (const json* online = reader.object(obj, path, "online")) {
        p.online = read_online(*online, member_path(path, "online"), reader);
    }
    p.phrases = fold_phrases(reader.texts(obj, path, "phrases"), member_path(path, "phrases"),
                             "procedure '" + p.id + "'", phrase_owners, reader);
    // Citizens name a procedure by its official name or national code too, whether or not the
    // list repeats them.
    for (const std::string* name : {&p.name, &p.code, &p.linked_code}) {
        const std::string folded_name = fold(*name);
        if (!folded_name.empty() && !phrase_owners.contains(folded_name)) {
            phrase_owners.emplace(folded_name, "procedure '" + p.id + "'");
            p.phrases.push_back(Phrase{phrase_words(folded_name)});
        }
    }
    return p;
}

// fold() for a phrase whose "*" words are gaps: each stays a "*" word between folded words.
std::string fold_with_gaps(const std::string& phrase) {
    std::string folded;
    std::size_t start = 0;
    for (std::size_t end;; start = end + 1) {
        end = phrase.find('*', start);
        const std::string piece = fold(phrase.substr(start, end - start));
        if (!folded.empty() && !piece.empty()) folded += ' ';
        folded += piece;
        if (end == std::string::npos) break;
        folded += folded.empty() ? "*" : " *";
    }
    return folded;
}

}  // namespace

const Procedure* Catalog::procedure(const std::string& id) const {
    for (const Procedure& p : procedures) {
        if (p.id == id) return &p;
    }
    return nullptr;
}

const Field* Catalog::field(const std::string& id) const {
    for (const Field& f : fields) {
        if (f.id == id) return &f;
    }
    return nullptr;
}

std::vector<Phrase> fold_phrases(const std::vector<std::string>& list, const std::string& path,
                                 const std::string& owner, PhraseOwners& owners,
                                 ContentReader& reader) {
    std::vector<Phrase> folded;
    for (std::size_t i = 0; i < list.size(); ++i) {
        std::string phrase = fold_with_gaps(list[i]);
        if (phrase.empty()) {
            reader.problem(element_path(path, i), "phrase has no letters or digits");
            continue;
        }
        if (phrase == "*" || phrase.starts_with("* ") || phrase.ends_with(" *")) {
            reader.problem(element_path(path, i), "phrase cannot begin or end with *");
            continue;
        }
        auto [it, inserted] = owners.emplace(phrase, owner);
        if (!inserted && it->second != owner) {
            reader.problem(element_path(path, i),
                           "phrase '" + list[i] + "' already names " + it->second);
            continue;
        }
        if (inserted) folded.push_back(Phrase{phrase_words(phrase)});
    }
    return folded;
}

Catalog read_catalog(const json& doc, PhraseOwners& phrase_owners, ContentReader& reader) {
    Catalog catalog;
    if (!doc.is_object()) {
        reader.problem("$", "bad type: expected an object");
        return catalog;
    }
    reader.reject_unknown_keys(doc, "", {"fields", "procedures"});
    if (const json* fields = reader.list(doc, "", "fields")) {
        std::set<std::string> seen;
        for (std::size_t i = 0; i < fields->size(); ++i) {
            const std::string path = element_path("fields", i);
            const json& item = (*fields)[i];
            if (!item.is_object()) {
                reader.problem(path, "bad type: expected an object");
                continue;
            }
            reader.reject_unknown_keys(item, path, {"id", "name"});
            Field field{read_id(item, path, reader), reader.text(item, path, "name")};
            if (!field.id.empty() && !seen.insert(field.id).second) {
                reader.problem(member_path(path, "id"), "duplicate id '" + excerpt(field.id) + "'");
            }
            catalog.fields.push_back(std::move(field));
        }
    }
    if (const json* procedures = reader.list(doc, "", "procedures")) {
        std::set<std::string> seen;
        for (std::size_t i = 0; i < procedures->size(); ++i) {
            const std::string path = element_path("procedures", i);
            const json& item = (*procedures)[i];
            if (!item.is_object()) {
                reader.problem(path, "bad type: expected an object");
                continue;
            }
            Procedure p = read_procedure(item, path, catalog, phrase_owners, reader);
            if (!p.id.empty() && !seen.insert(p.id).second) {
                reader.problem(member_path(path, "id"), "duplicate id '" + excerpt(p.id) + "'");
            }
            catalog.procedures.push_back(std::move(p));
        }
    }
    return catalog;
}

}  // namespace motcua::dialogs
