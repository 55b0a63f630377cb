#include "dialogs/understanding.hpp"

#include <sstream>
#include <vector>

#include "dialogs/text.hpp"

namespace motcua::dialogs {
namespace {

using Words = std::vector<std::string>;

Words split_words(const std::string& folded) {
    Words words;
    std::istringstream in(folded);
    for (std::string word; in >> word;) words.push_back(std::move(word));
    return words;
}

// Where the phrase occurs as whole words in message, or npos.
std::size_t find_phrase(const Words& message, const Words& phrase) {
    if (phrase.empty() || phrase.size() > message.size()) return std::string::npos;
    for (std::size_t start = 0; start + phrase.size() <= message.size(); ++start) {
        bool match = true;
        for (std::size_t i = 0; i < phrase.size() && match; ++i) {
            match = message[start + i] == phrase[i];
        }
        if (match) return start;
    }
    return std::string::npos;
}

bool contains_any(const Words& message, const std::vector<std::string>& phrases) {
    for (const std::string& phrase : phrases) {
        if (find_phrase(message, split_words(phrase)) != std::string::npos) return true;
    }
    return false;
}

// Blanks out phrases that only look like part of a procedure's name ("mất bao lâu" is a
// question about time, not a death), so no procedure phrase can match across them.
void mask_phrases(Words& message, const std::vector<std::string>& phrases) {
    for (const std::string& phrase : phrases) {
        const Words words = split_words(phrase);
        for (std::size_t at; (at = find_phrase(message, words)) != std::string::npos;) {
            for (std::size_t i = 0; i < words.size(); ++i) message[at + i].clear();
        }
    }
}

// The procedure whose phrase matches the most words; on a tie, the one named first.
std::string named_procedure(Words message, const Content& content) {
    mask_phrases(message, content.scripts.phrases.not_procedure);
    std::string best;
    std::size_t best_length = 0;
    std::size_t best_start = 0;
    for (const Procedure& procedure : content.catalog.procedures) {
        for (const std::string& phrase : procedure.phrases) {
            const Words words = split_words(phrase);
            const std::size_t start = find_phrase(message, words);
            if (start == std::string::npos) continue;
            if (words.size() > best_length ||
                (words.size() == best_length && start < best_start)) {
                best = procedure.id;
                best_length = words.size();
                best_start = start;
            }
        }
    }
    return best;
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

Understanding understand(std::string_view text, const Content& content) {
    const std::string folded = fold(text);
    const Words words = split_words(folded);
    const Phrases& phrases = content.scripts.phrases;
    Understanding result;
    result.procedure = named_procedure(words, content);
    // The most specific request wins: a citizen asking for an officer about khai tử wants the
    // officer, and the procedure tells which one.
    if (folded == "0" || contains_any(words, phrases.menu)) {
        result.intent = Intent::menu;
    } else if (contains_any(words, phrases.unfollow)) {
        result.intent = Intent::unfollow;
    } else if (contains_any(words, phrases.follow)) {
        result.intent = Intent::follow;
    } else if (contains_any(words, phrases.escalate)) {
        result.intent = Intent::escalate;
    } else if (contains_any(words, phrases.dossier_status)) {
        result.intent = Intent::dossier_status;
    } else if (!result.procedure.empty()) {
        result.intent = Intent::procedure;
    } else if (contains_any(words, phrases.greeting)) {
        result.intent = Intent::greeting;
    }
    return result;
}

bool asks_for_more(std::string_view text, const Content& content) {
    const std::string folded = fold(text);
    if (folded == "0") return true;
    const Words words = split_words(folded);
    for (const std::string& phrase : content.scripts.phrases.more) {
        if (split_words(phrase) == words) return true;
    }
    return false;
}

}  // namespace motcua::dialogs
