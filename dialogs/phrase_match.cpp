#include "dialogs/phrase_match.hpp"

#include <algorithm>

namespace motcua::dialogs {
namespace {

// Where phrase[p..] matches message from word at on, as one past the last word matched.
std::optional<std::size_t> match_from(const Words& message, std::size_t at, const Words& phrase,
                                      std::size_t p) {
    if (p == phrase.size()) return at;
    if (phrase[p] == "*") {
        for (std::size_t gap = 0; gap <= kWildcardWords; ++gap) {
            if (gap > 0 && (at + gap > message.size() || message[at + gap - 1].empty())) break;
            if (auto end = match_from(message, at + gap, phrase, p + 1)) return end;
        }
        return std::nullopt;
    }
    if (at >= message.size() || message[at].empty() || message[at] != phrase[p]) {
        return std::nullopt;
    }
    return match_from(message, at + 1, phrase, p + 1);
}

}  // namespace

std::optional<PhraseMatch> find_phrase(const Words& message, const Words& phrase) {
    if (phrase.empty()) return std::nullopt;
    // Most phrases share no word with a message: rule a start out before matching from it.
    const std::string& first = phrase.front();
    const bool starts_with_gap = first == "*";
    for (std::size_t start = 0; start < message.size(); ++start) {
        if (!starts_with_gap && message[start] != first) continue;
        if (auto end = match_from(message, start, phrase, 0)) {
            const auto literal = static_cast<std::size_t>(std::count_if(
                phrase.begin(), phrase.end(), [](const std::string& word) { return word != "*"; }));
            return PhraseMatch{start, *end, literal};
        }
    }
    return std::nullopt;
}

bool contains_any(const Words& message, const std::vector<Phrase>& phrases) {
    for (const Phrase& phrase : phrases) {
        if (find_phrase(message, phrase.words)) return true;
    }
    return false;
}

void mask_phrases(Words& message, const std::vector<Phrase>& phrases) {
    for (const Phrase& phrase : phrases) {
        while (auto match = find_phrase(message, phrase.words)) {
            for (std::size_t i = match->start; i < match->end; ++i) message[i].clear();
        }
    }
}

}  // namespace motcua::dialogs
