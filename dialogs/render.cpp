#include "dialogs/render.hpp"

#include <algorithm>
#include <string_view>
#include <utility>

#include <unicode/unistr.h>

#include "dialogs/text.hpp"

namespace motcua::dialogs {
namespace {

// A piece of text that is never cut, with what joins it to the piece before.
struct Unit {
    std::string separator;
    std::string text;
};

enum class Level { line, sentence, word, character };

std::vector<std::string> split_sentences(const std::string& text) {
    std::vector<std::string> sentences;
    std::size_t start = 0;
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        if (std::string_view(".?!;:").find(text[i]) != std::string_view::npos &&
            text[i + 1] == ' ') {
            sentences.push_back(text.substr(start, i + 1 - start));
            start = i + 2;
        }
    }
    sentences.push_back(text.substr(start));
    return sentences;
}

std::vector<std::string> split_on(const std::string& text, char separator) {
    std::vector<std::string> pieces;
    std::size_t start = 0;
    for (std::size_t end; (end = text.find(separator, start)) != std::string::npos;
         start = end + 1) {
        pieces.push_back(text.substr(start, end - start));
    }
    pieces.push_back(text.substr(start));
    return pieces;
}

std::vector<std::string> split_characters(const std::string& text) {
    std::vector<std::string> characters;
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
    for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
        std::string c;
        icu::UnicodeString(u.char32At(i)).toUTF8String(c);
        characters.push_back(std::move(c));
    }
    return characters;
}

// A part's size as the part grows, for a given channel. A Measure is a value with
// append(std::string_view) and fits() const; a copy tries a longer candidate, so growing a part
// costs what is added rather than the whole part again.
template <typename Measure>
bool fits_alone(const Measure& empty, std::string_view text) {
    Measure measure = empty;
    measure.append(text);
    return measure.fits();
}

// Any test of a part's text (split_to_fit's), which must see the whole text every time.
class TestedText {
public:
    explicit TestedText(const std::function<bool(const std::string&)>& fits) : fits_(&fits) {}
    void append(std::string_view more) { text_ += more; }
    bool fits() const { return (*fits_)(text_); }

private:
    const std::function<bool(const std::string&)>* fits_;
    std::string text_;
};

// A part of at most max code points.
class CodePointCount {
public:
    explicit CodePointCount(std::size_t max) : max_(max) {}
    void append(std::string_view more) { count_ += code_points(more); }
    bool fits() const { return count_ <= max_; }

private:
    std::size_t max_;
    std::size_t count_ = 0;
};

// An SMS part of at most max_segments once the continuation prompt is added on its own line.
class SmsPart {
public:
    SmsPart(std::string_view prompt, std::size_t max_segments)
        : prompt_(prompt), max_segments_(max_segments) {}
    void append(std::string_view more) { length_.append(more); }
    bool fits() const {
        SmsLength with_prompt = length_;
        with_prompt.append("\n");
        with_prompt.append(prompt_);
        return with_prompt.segments() <= max_segments_;
    }

private:
    std::string_view prompt_;
    std::size_t max_segments_;
    SmsLength length_;
};

template <typename Measure>
void add_units(std::vector<Unit>& units, const std::string& separator, const std::string& text,
               Level level, const Measure& empty) {
    if (level != Level::line && fits_alone(empty, text)) {
        units.push_back({separator, text});
        return;
    }
    if (level == Level::character) {
        const std::vector<std::string> characters = split_characters(text);
        for (std::size_t i = 0; i < characters.size(); ++i) {
            units.push_back({i == 0 ? separator : std::string(), characters[i]});
        }
        if (characters.empty()) units.push_back({separator, text});
        return;
    }
    std::vector<std::string> pieces;
    std::string inner_separator = " ";
    Level next = Level::character;
    switch (level) {
        case Level::line:
            pieces = split_on(text, '\n');
            inner_separator = "\n";
            next = Level::sentence;
            break;
        case Level::sentence:
            pieces = split_sentences(text);
            next = Level::word;
            break;
        case Level::word:
        case Level::character:
            pieces = split_on(text, ' ');
            break;
    }
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        add_units(units, i == 0 ? separator : inner_separator, pieces[i], next, empty);
    }
}

// split_to_fit, measuring parts with Measure.
template <typename Measure>
std::vector<std::string> split_measured(const std::string& text, const Measure& empty) {
    std::vector<Unit> units;
    add_units(units, "", text, Level::line, empty);
    std::vector<std::string> parts;
    std::string current;
    Measure measure = empty;
    bool started = false;
    for (const Unit& unit : units) {
        if (started) {
            Measure candidate = measure;
            candidate.append(unit.separator);
            candidate.append(unit.text);
            if (candidate.fits()) {
                current += unit.separator;
                current += unit.text;
                measure = std::move(candidate);
                continue;
            }
            parts.push_back(std::move(current));
        }
        started = true;
        current = unit.text;
        measure = empty;
        measure.append(unit.text);
    }
    if (started) parts.push_back(std::move(current));
    return parts;
}

std::string numbered_text(const Message& message) {
    std::string text = message.body;
    for (std::size_t i = 0; i < message.choices.size(); ++i) {
        if (!text.empty()) text += '\n';
        text += std::to_string(i + 1) + ". " + message.choices[i];
    }
    if (!message.footer.empty()) {
        if (!text.empty()) text += '\n';
        text += message.footer;
    }
    return text;
}

Rendering render_sms(const std::string& text, const Medium& medium, const MorePrompt& more_prompt) {
    const std::size_t max_segments = static_cast<std::size_t>(std::max(medium.max_segments, 1));
    auto for_medium = [&](const std::string& s) { return medium.unicode ? s : to_gsm_ascii(s); };
    const std::string body = for_medium(text);
    Rendering rendering;
    if (sms_segments(body) <= max_segments) {
        rendering.replies.push_back(Reply{body, {}});
        return rendering;
    }
    // The prompt's length depends on the page count, so reserve room for a wider one until
    // the count fits in the reserved width.
    std::vector<std::string> parts;
    for (std::size_t width = 9;; width = width * 10 + 9) {
        const std::string widest_prompt = for_medium(more_prompt(width, width));
        parts = split_measured(body, SmsPart(widest_prompt, max_segments));
        if (parts.size() <= width) break;
    }
    for (std::size_t i = 0; i < parts.size(); ++i) {
        std::string part = parts[i];
        if (i + 1 < parts.size()) part += "\n" + for_medium(more_prompt(i + 1, parts.size()));
        if (i == 0) {
            rendering.replies.push_back(Reply{std::move(part), {}});
        } else {
            rendering.pending.push_back(std::move(part));
        }
    }
    return rendering;
}

}  // namespace

std::vector<std::string> split_to_fit(const std::string& text,
                                      const std::function<bool(const std::string&)>& fits) {
    return split_measured(text, TestedText(fits));
}

Rendering render(const Message& message, const Medium& medium, const MorePrompt& more_prompt) {
    const std::string text = numbered_text(message);
    if (medium.sms) return render_sms(text, medium, more_prompt);
    Rendering rendering;
    // Every part split_to_fit could try is a prefix of the text, so a text that fits is one part.
    const std::vector<std::string> parts =
        medium.max_chars == 0 || code_points(text) <= medium.max_chars
            ? std::vector<std::string>{text}
            : split_measured(text, CodePointCount(medium.max_chars));
    for (const std::string& part : parts) rendering.replies.push_back(Reply{part, {}});
    if (medium.buttons && !rendering.replies.empty()) {
        std::vector<Choice>& buttons = rendering.replies.back().choices;
        for (std::size_t i = 0; i < message.choices.size() && i < kMaxButtons; ++i) {
            buttons.push_back(Choice{message.choices[i], std::to_string(i + 1)});
        }
    }
    return rendering;
}

}  // namespace motcua::dialogs
