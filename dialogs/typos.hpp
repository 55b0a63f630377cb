#pragma once
// Small slips of the thumb on a phone keyboard: one letter added, dropped, changed, or two
// swapped ("sinhh", "khia", "xinh" for "sinh").
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace motcua::dialogs {

// True when one insertion, deletion, substitution or swap of neighbours turns a into b.
bool one_edit_apart(std::string_view a, std::string_view b);

// The words of vocabulary one edit from word, when word is not in vocabulary. Short words
// (fewer than kMinTypoLength letters) are never corrected, nor corrected into, since too many
// of them are a letter apart.
constexpr std::size_t kMinTypoLength = 4;
std::vector<std::string> words_one_edit_away(std::string_view word,
                                             const std::set<std::string>& vocabulary);

}  // namespace motcua::dialogs
