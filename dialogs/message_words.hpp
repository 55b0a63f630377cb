#pragma once
// The words of a citizen's message brought to the spelling the phrases use, so one phrase list
// matches what people actually type: composed or decomposed, with or without diacritics,
// abbreviated ("ko", "hs"), with Telex keystrokes left in ("khai tuwr"), ky or ki, a letter
// slipped ("sinhh"), or two words run together ("khaisinh").
#include <string>
#include <string_view>
#include <vector>

#include "dialogs/content_model.hpp"

namespace motcua::dialogs {

// One folded word in the spelling phrases are compared in: a final "y" after a consonant is
// written "i", so "ky"/"ki", "ly"/"li" and "my"/"mi" are one word.
std::string spelling_form(std::string_view folded_word);

// A folded phrase's words, each in spelling form ("*" stays "*").
std::vector<std::string> phrase_words(std::string_view folded_phrase);

// The message folded (dialogs/text.hpp) and split into words, each then read as the first of:
// an abbreviation's expansion; itself when the lexicon knows it or it holds a digit; the first
// Telex reading the lexicon knows; the pair of phrase words it runs together; the known word a
// single edit away (words of 4+ letters only), or when several are, the one that pairs with a
// neighbouring word in some phrase; else itself.
std::vector<std::string> message_words(std::string_view text, const Lexicon& lexicon);

// The message folded and split into words in spelling form, with nothing corrected: for
// matching names the lexicon does not know, such as units.
std::vector<std::string> plain_words(std::string_view text);

}  // namespace motcua::dialogs
