#include "dialogs/message_words.hpp"

#include <algorithm>

#include "dialogs/telex.hpp"
#include "dialogs/text.hpp"
#include "dialogs/typos.hpp"

namespace motcua::dialogs {
namespace {

// The words between runs of whitespace.
std::vector<std::string> split(std::string_view words) {
    constexpr std::string_view kSpaces = " \t\n\v\f\r";
    std::vector<std::string> out;
    for (std::size_t start = words.find_first_not_of(kSpaces); start != std::string_view::npos;) {
        const std::size_t end = std::min(words.find_first_of(kSpaces, start), words.size());
        out.emplace_back(words.substr(start, end - start));
        start = words.find_first_not_of(kSpaces, end);
    }
    return out;
}

bool has_digit(std::string_view word) {
    return std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// One word of the message as read on its own: one or two words in the phrases' spelling, and
// when it is a typo with several known words one edit away, those words.
struct Reading {
    std::string words;
    std::vector<std::string> near;
};

Reading read_word(const std::string& word, const Lexicon& lexicon) {
    if (auto abbreviation = lexicon.abbreviations.find(word);
        abbreviation != lexicon.abbreviations.end()) {
        return {abbreviation->second, {}};
    }
    const std::string spelled = spelling_form(word);
    if (has_digit(spelled) || lexicon.vocabulary.contains(spelled)) return {spelled, {}};
    for (const std::string& reading : telex_readings(word)) {
        std::string spelled_reading = spelling_form(reading);
        if (lexicon.vocabulary.contains(spelled_reading)) return {spelled_reading, {}};
    }
    if (auto joined = lexicon.joined.find(spelled); joined != lexicon.joined.end()) {
        return {joined->second, {}};
    }
    std::vector<std::string> near = words_one_edit_away(spelled, lexicon.vocabulary);
    if (near.size() == 1) return {near.front(), {}};
    return {spelled, std::move(near)};
}

// Of a typo's near words, the one that makes a phrase's pair with a neighbour ("khai xinh":
// "sinh", not "minh"), or "" when none or several do.
std::string settle_by_neighbours(const std::vector<std::string>& near, const std::string& before,
                                 const std::string& after, const Lexicon& lexicon) {
    std::string settled;
    for (const std::string& word : near) {
        const bool pairs = (!before.empty() && lexicon.word_pairs.contains(before + " " + word)) ||
                           (!after.empty() && lexicon.word_pairs.contains(word + " " + after));
        if (!pairs) continue;
        if (!settled.empty()) return "";
        settled = word;
    }
    return settled;
}

}  // namespace

std::string spelling_form(std::string_view folded_word) {
    std::string word(folded_word);
    constexpr std::string_view kVowels = "aeiouy";
    if (word.size() >= 2 && word.back() == 'y' &&
        kVowels.find(word[word.size() - 2]) == std::string_view::npos) {
        word.back() = 'i';
    }
    return word;
}

std::vector<std::string> phrase_words(std::string_view folded_phrase) {
    std::vector<std::string> words = split(folded_phrase);
    for (std::string& word : words) word = spelling_form(word);
    return words;
}

std::vector<std::string> message_words(std::string_view text, const Lexicon& lexicon) {
    std::vector<Reading> readings;
    for (const std::string& word : split(fold(text))) readings.push_back(read_word(word, lexicon));
    std::vector<std::string> words;
    for (std::size_t i = 0; i < readings.size(); ++i) {
        std::string read = readings[i].words;
        if (!readings[i].near.empty()) {
            const std::vector<std::string> before =
                i > 0 ? split(readings[i - 1].words) : std::vector<std::string>{};
            const std::vector<std::string> after =
                i + 1 < readings.size() ? split(readings[i + 1].words) : std::vector<std::string>{};
            const std::string settled = settle_by_neighbours(
                readings[i].near, before.empty() ? "" : before.back(),
                after.empty() ? "" : after.front(), lexicon);
            if (!settled.empty()) read = settled;
        }
        for (std::string& w : split(read)) words.push_back(spelling_form(w));
    }
    return words;
}

std::vector<std::string> plain_words(std::string_view text) { return phrase_words(fold(text)); }

}  // namespace motcua::dialogs
