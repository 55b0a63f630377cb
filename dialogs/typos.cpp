#include "dialogs/typos.hpp"

namespace motcua::dialogs {

bool one_edit_apart(std::string_view a, std::string_view b) {
    if (a.size() > b.size()) std::swap(a, b);
    if (b.size() - a.size() > 1) return false;
    std::size_t i = 0;
    while (i < a.size() && a[i] == b[i]) ++i;
    if (a.size() == b.size()) {
        if (i == a.size()) return false;  // equal: no edit at all
        // One substitution, or a swap of neighbours.
        if (a.substr(i + 1) == b.substr(i + 1)) return true;
        return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
               a.substr(i + 2) == b.substr(i + 2);
    }
    // b is a with one letter inserted at i.
    return a.substr(i) == b.substr(i + 1);
}

std::vector<std::string> words_one_edit_away(std::string_view word,
                                             const std::set<std::string>& vocabulary) {
    std::vector<std::string> near;
    if (word.size() < kMinTypoLength || vocabulary.contains(std::string(word))) return near;
    for (const std::string& known : vocabulary) {
        if (known.size() >= kMinTypoLength && one_edit_apart(word, known)) near.push_back(known);
    }
    return near;
}

}  // namespace motcua::dialogs
