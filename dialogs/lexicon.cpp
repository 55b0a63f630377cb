#include <utility>

#include "dialogs/content_files.hpp"
#include "dialogs/message_words.hpp"
#include "dialogs/text.hpp"

namespace motcua::dialogs {
namespace {

using nlohmann::json;

// Every phrase list of the catalog and the scripts.
std::vector<const std::vector<Phrase>*> phrase_lists(const Catalog& catalog,
                                                     const Scripts& scripts) {
    std::vector<const std::vector<Phrase>*> lists;
    for (const Procedure& procedure : catalog.procedures) lists.push_back(&procedure.phrases);
    const Phrases& p = scripts.phrases;
    for (const auto* list : {&p.greeting, &p.menu, &p.dossier_status, &p.escalate, &p.follow,
                             &p.unfollow, &p.more, &p.look_alikes}) {
        lists.push_back(list);
    }
    return lists;
}

void learn_words(Lexicon& lexicon, const Words& words) {
    for (const std::string& word : words) {
        if (word != "*") lexicon.vocabulary.insert(word);
    }
}

// Two neighbouring words of a phrase: a context for typos, and a pair typed without the space
// between them.
void learn_pairs(Lexicon& lexicon, const Words& words) {
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        if (words[i] == "*" || words[i + 1] == "*") continue;
        lexicon.word_pairs.insert(words[i] + " " + words[i + 1]);
        const std::string run_together = words[i] + words[i + 1];
        if (!lexicon.vocabulary.contains(run_together)) {
            lexicon.joined.emplace(run_together, words[i] + " " + words[i + 1]);
        }
    }
}

void read_abbreviations(const json& obj, Lexicon& lexicon, ContentReader& reader) {
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        const std::string path = member_path("abbreviations", it.key());
        const std::string word = fold(it.key());
        if (word.empty() || word.find(' ') != std::string::npos) {
            reader.problem(path, "an abbreviation is one word of letters or digits");
            continue;
        }
        const std::string expansion = it->is_string() ? fold(it->get<std::string>()) : "";
        if (expansion.empty()) {
            reader.problem(path, "missing text");
            continue;
        }
        auto [known, inserted] = lexicon.abbreviations.emplace(word, expansion);
        if (!inserted && known->second != expansion) {
            reader.problem(path, "'" + it.key() + "' already stands for '" + known->second + "'");
        }
    }
}

}  // namespace

Lexicon read_lexicon(const json& doc, const Catalog& catalog, const Scripts& scripts,
                     ContentReader& reader) {
    Lexicon lexicon;
    if (!doc.is_object()) {
        reader.problem("$", "bad type: expected an object");
        return lexicon;
    }
    reader.reject_unknown_keys(doc, "", {"abbreviations", "known_words"});
    if (const json* abbreviations = reader.object(doc, "", "abbreviations")) {
        read_abbreviations(*abbreviations, lexicon, reader);
    }
    const std::vector<std::string> known_words = reader.texts(doc, "", "known_words", true);
    for (std::size_t i = 0; i < known_words.size(); ++i) {
        const std::string folded = fold(known_words[i]);
        if (folded.empty()) reader.problem(element_path("known_words", i), "no letters or digits");
        learn_words(lexicon, phrase_words(folded));
    }
    for (const auto& [word, expansion] : lexicon.abbreviations) {
        learn_words(lexicon, phrase_words(expansion));
    }
    const auto lists = phrase_lists(catalog, scripts);
    for (const auto* list : lists) {
        for (const Phrase& phrase : *list) learn_words(lexicon, phrase.words);
    }
    for (const auto* list : lists) {
        for (const Phrase& phrase : *list) learn_pairs(lexicon, phrase.words);
    }
    // An abbreviation that is also a phrase's word would be expanded before that phrase could
    // ever match.
    for (const auto& [word, expansion] : lexicon.abbreviations) {
        if (lexicon.vocabulary.contains(spelling_form(word))) {
            reader.problem(member_path("abbreviations", word),
                           "'" + word + "' is a word of a phrase; it cannot be an abbreviation");
        }
    }
    return lexicon;
}

}  // namespace motcua::dialogs
