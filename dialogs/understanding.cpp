#include "dialogs/understanding.hpp"

#include <algorithm>

#include "dialogs/dossier_code.hpp"
#include "dialogs/message_words.hpp"
#include "dialogs/phrase_match.hpp"
#include "dialogs/text.hpp"

namespace motcua::dialogs {
namespace {

// A choice number: a short run of digits and nothing else (the engine reads it in context).
bool is_choice_number(const std::string& folded) {
    return !folded.empty() && folded.size() <= 3 &&
           folded.find_first_not_of("0123456789") == std::string::npos;
}

// The procedure whose phrase matches the most words; on a tie, the one named first.
std::string named_procedure(const Words& message, const Content& content) {
    std::string best;
    std::optional<PhraseMatch> best_match;
    for (const Procedure& procedure : content.catalog.procedures) {
        for (const Phrase& phrase : procedure.phrases) {
            const auto match = find_phrase(message, phrase.words);
            if (!match) continue;
            if (!best_match || match->words > best_match->words ||
                (match->words == best_match->words && match->start < best_match->start)) {
                best = procedure.id;
                best_match = match;
            }
        }
    }
    return best;
}

// Words that name the kind of unit rather than which one.
constexpr std::string_view kUnitKinds[] = {"xa", "phuong", "thi tran", "dac khu"};

// The words a unit's name is recognised by: its name without the kind ("yet kieu").
Words unit_words(const std::string& name) {
    std::string folded = fold(name);
    for (std::string_view kind : kUnitKinds) {
        const std::string prefix = std::string(kind) + " ";
        if (folded.starts_with(prefix) && folded.size() > prefix.size()) {
            folded.erase(0, prefix.size());
            break;
        }
    }
    return phrase_words(folded);
}

std::string named_unit(std::string_view text, const std::vector<UnitName>& units) {
    if (units.empty()) return "";
    const Words words = plain_words(text);
    for (const UnitName& unit : units) {
        if (find_phrase(words, unit_words(unit.name))) return unit.id;
    }
    return "";
}

}  // namespace

std::string_view intent_name(Intent intent) {
    switch (intent) {
        case Intent::greeting: return "greeting";
        case Intent::menu: return "menu";
        case Intent::procedure: return "procedure";
        case Intent::dossier_status: return "dossier_status";
        case Intent::escalate: return "escalate";
        case Intent::follow: return "follow";
        case Intent::unfollow: return "unfollow";
        case Intent::unknown: return "unknown";
    }
    return "unknown";
}

Understanding understand(std::string_view text, const Content& content,
                         const std::vector<UnitName>& units) {
    const std::string normalized = nfc(text);
    const Phrases& phrases = content.scripts.phrases;
    Words words = message_words(normalized, content.lexicon);
    mask_phrases(words, phrases.look_alikes);
    Understanding result;
    result.procedure = named_procedure(words, content);
    result.dossier_code = find_dossier_code(normalized).value_or("");
    result.unit = named_unit(normalized, units);
    if (is_choice_number(fold(normalized))) {
        result.intent = Intent::menu;
    } else if (contains_any(words, phrases.unfollow)) {
        result.intent = Intent::unfollow;
    } else if (contains_any(words, phrases.follow)) {
        result.intent = Intent::follow;
    } else if (contains_any(words, phrases.escalate)) {
        result.intent = Intent::escalate;
    } else if (!result.dossier_code.empty() || contains_any(words, phrases.dossier_status)) {
        result.intent = Intent::dossier_status;
    } else if (!result.procedure.empty()) {
        result.intent = Intent::procedure;
    } else if (contains_any(words, phrases.menu)) {
        result.intent = Intent::menu;
    } else if (contains_any(words, phrases.greeting)) {
        result.intent = Intent::greeting;
    }
    return result;
}

Understanding understand(std::string_view text, const Content& content) {
    return understand(text, content, {});
}

bool asks_for_more(std::string_view text, const Content& content) {
    const Words words = message_words(text, content.lexicon);
    if (words == Words{"0"}) return true;
    return std::any_of(content.scripts.phrases.more.begin(), content.scripts.phrases.more.end(),
                       [&](const Phrase& phrase) { return phrase.words == words; });
}

}  // namespace motcua::dialogs
