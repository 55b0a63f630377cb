#include "dialogs/message_words.hpp"

#include <algorithm>
#include <sstream>

#include "dialogs/telex.hpp"
#include "dialogs/text.hpp"
#include "dialogs/typos.hpp"

namespace motcua::dialogs {
namespace {

std::vector<std::string> split(std::string_view words) {
    std::vector<std::string> out;
    std::istringstream in{std::string(words)};
    for (std::string word; in >> word;) out.push_back(std::move(word));
    return out;
}

bool has_digit(std::string_view word) {
    return std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// How one word of the message reads in the phrases' spelling; may be two words.
std::string read_word(const std::string& word, const Lexicon& lexicon) {
    if (auto abbreviation = lexicon.abbreviations.find(word);
        abbreviation != lexicon.abbreviations.end()) {
        return abbreviation->second;
    }
    const std::string spelled = spelling_form(word);
    if (has_digit(spelled) || lexicon.vocabulary.contains(spelled)) return spelled;
    for (const std::string& reading : telex_readings(word)) {
        std::string spelled_reading = spelling_form(reading);
        if (lexicon.vocabulary.contains(spelled_reading)) return spelled_reading;
    }
    if (auto joined = lexicon.joined.find(spelled); joined != lexicon.joined.end()) {
        return joined->second;
    }
    if (auto nearest = nearest_word(spelled, lexicon.vocabulary)) return *nearest;
    return spelled;
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
    std::vector<std::string> words;
    for (const std::string& word : split(fold(text))) {
        for (std::string& read : split(read_word(word, lexicon))) {
            words.push_back(spelling_form(read));
        }
    }
    return words;
}

std::vector<std::string> plain_words(std::string_view text) { return phrase_words(fold(text)); }

}  // namespace motcua::dialogs
