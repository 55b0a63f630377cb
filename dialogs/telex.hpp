#pragma once
// Telex is how most Vietnamese type diacritics: "aa" â, "aw" ă, "ee" ê, "oo" ô, "ow" ơ,
// "uw" ư, "dd" đ, and a final s f r x j for the tones. When the input method is off or
// misfires, the keystrokes stay in the text ("khai tuwr", "ddang kys").
#include <string>
#include <string_view>
#include <vector>

namespace motcua::dialogs {

// What a folded word may have been meant as if it holds Telex keystrokes, most likely first:
// without the tone key, with the vowel and "dd" keys read, and both. Empty when the word has
// no keystroke to read. Whether a reading is a real word is for the caller to decide.
std::vector<std::string> telex_readings(std::string_view folded_word);

}  // namespace motcua::dialogs
