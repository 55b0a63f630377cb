#include "dialogs/telex.hpp"

#include <algorithm>

namespace motcua::dialogs {
namespace {

constexpr std::string_view kToneKeys = "sfrxj";

// The word with each vowel key pair ("aa", "aw", "ee", "oo", "ow", "uw") and "dd" read as the
// letter it marks; diacritics are folded away, so "ow" is "o" as "ơ" folds to "o".
std::string read_vowel_keys(std::string_view word) {
    std::string out;
    for (std::size_t i = 0; i < word.size(); ++i) {
        const char c = word[i];
        const char next = i + 1 < word.size() ? word[i + 1] : '\0';
        const bool doubled = next == c && (c == 'a' || c == 'e' || c == 'o' || c == 'd');
        const bool hooked = next == 'w' && (c == 'a' || c == 'o' || c == 'u');
        out += c;
        if (doubled || hooked) ++i;
    }
    return out;
}

}  // namespace

std::vector<std::string> telex_readings(std::string_view word) {
    if (word.size() < 2 ||
        !std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
        return {};
    }
    const bool has_tone_key = kToneKeys.find(word.back()) != std::string_view::npos;
    const std::string_view toneless = has_tone_key ? word.substr(0, word.size() - 1) : word;
    std::vector<std::string> readings;
    auto add = [&](std::string reading) {
        if (reading != word &&
            std::find(readings.begin(), readings.end(), reading) == readings.end()) {
            readings.push_back(std::move(reading));
        }
    };
    add(read_vowel_keys(toneless));
    add(std::string(toneless));
    add(read_vowel_keys(word));
    return readings;
}

}  // namespace motcua::dialogs
