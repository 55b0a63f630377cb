#pragma once
// Finding content phrases among a message's words (dialogs/message_words.hpp), whole words
// only, with "*" gaps (kWildcardWords).
#include <cstddef>
#include <optional>
#include <vector>

#include "dialogs/content_model.hpp"

namespace motcua::dialogs {

struct PhraseMatch {
    std::size_t start = 0;  // first message word matched
    std::size_t end = 0;    // one past the last
    std::size_t words = 0;  // the phrase's words other than gaps: how specific the match is
};

// The first place phrase (words in spelling form) occurs in message. A gap never spans a
// masked (empty) word, and no phrase word matches one.
std::optional<PhraseMatch> find_phrase(const Words& message, const Words& phrase);

// True when any of the phrases occurs in message.
bool contains_any(const Words& message, const std::vector<Phrase>& phrases);

// Empties every word of every occurrence of the phrases, so nothing can match across them
// ("mất bao lâu" is a question about time, never part of "bà tôi mất").
void mask_phrases(Words& message, const std::vector<Phrase>& phrases);

}  // namespace motcua::dialogs
