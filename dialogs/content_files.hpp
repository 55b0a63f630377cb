#pragma once
// The readers of each content file, used by load_content. Each reports its problems through the
// reader and returns what it could read.
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "dialogs/content_model.hpp"
#include "dialogs/content_reader.hpp"

namespace motcua::dialogs {

// phrase_owners maps each folded phrase to what it names; the catalog fills it and the scripts
// check theirs against it, so one phrase never means two things.
using PhraseOwners = std::map<std::string, std::string>;
Catalog read_catalog(const nlohmann::json& doc, PhraseOwners& phrase_owners,
                     ContentReader& reader);
Scripts read_scripts(const nlohmann::json& doc, PhraseOwners& phrase_owners,
                     ContentReader& reader);
// language.json, with the vocabulary learnt from the catalog's and the scripts' phrases.
Lexicon read_lexicon(const nlohmann::json& doc, const Catalog& catalog, const Scripts& scripts,
                     ContentReader& reader);

// Folds each phrase of list (at path) and splits it into words for matching, keeping each "*"
// gap as a "*" word; reports those that fold to nothing, begin or end with a gap, or are
// already claimed in owners (folded phrase → owner name); claims the rest for owner.
std::vector<Phrase> fold_phrases(const std::vector<std::string>& list, const std::string& path,
                                 const std::string& owner, PhraseOwners& owners,
                                 ContentReader& reader);

}  // namespace motcua::dialogs
