#include "dialogs/dossier_code.hpp"

#include <vector>

namespace motcua::dialogs {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_alnum(char c) { return is_digit(c) || is_letter(c); }

char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

// Typographic dashes that phones substitute for "-", in UTF-8.
constexpr std::string_view kDashes[] = {"\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2212"};

// The text with every typographic dash made "-", so the scanner sees one kind of separator.
std::string plain_dashes(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        bool replaced = false;
        for (std::string_view dash : kDashes) {
            if (text.substr(i, dash.size()) == dash) {
                out += '-';
                i += dash.size();
                replaced = true;
                break;
            }
        }
        if (!replaced) out += text[i++];
    }
    return out;
}

// A provincial code of Decision 20/2020/QĐ-TTg: one letter and two digits ("H23", "G09").
bool is_province(std::string_view part) {
    return part.size() == 3 && is_letter(part[0]) && is_digit(part[1]) && is_digit(part[2]);
}

int number(std::string_view digits) {
    int n = 0;
    for (char c : digits) n = n * 10 + (c - '0');
    return n;
}

// YYMMDD or YYYYMMDD with a plausible month and day; the digits carry no other check.
bool is_date(std::string_view digits) {
    if (digits.size() != 6 && digits.size() != 8) return false;
    const std::size_t year_digits = digits.size() - 4;
    if (year_digits == 4 && (number(digits.substr(0, 2)) < 19 || number(digits.substr(0, 2)) > 20)) {
        return false;
    }
    const int month = number(digits.substr(year_digits, 2));
    const int day = number(digits.substr(year_digits + 2, 2));
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

bool is_sequence(std::string_view digits) { return digits.size() >= 4 && digits.size() <= 7; }

// Reads the date and sequence after the agency. date_run is the first run of digits, next_run
// the run after it (across spaces and at most one dash) or "" when none follows.
std::optional<std::pair<std::string_view, std::string_view>> date_and_sequence(
    std::string_view date_run, std::string_view next_run) {
    if (is_date(date_run) && is_sequence(next_run)) return std::pair{date_run, next_run};
    // Without a separator the run holds both: accept only when exactly one split is valid.
    std::optional<std::pair<std::string_view, std::string_view>> found;
    int splits = 0;
    for (std::size_t date_length : {std::size_t{6}, std::size_t{8}}) {
        if (date_run.size() <= date_length) continue;
        std::string_view date = date_run.substr(0, date_length);
        std::string_view sequence = date_run.substr(date_length);
        if (is_date(date) && is_sequence(sequence)) {
            found = std::pair{date, sequence};
            ++splits;
        }
    }
    return splits == 1 ? found : std::nullopt;
}

class Scanner {
public:
    explicit Scanner(std::string_view text) : text_(text) {}

    // The code starting at position start, if one does.
    std::optional<std::string> code_at(std::size_t start) {
        at_ = start;
        std::vector<std::string_view> parts{run(is_alnum)};
        while (peek() == '.' && at_ + 1 < text_.size() && is_alnum(text_[at_ + 1])) {
            ++at_;
            parts.push_back(run(is_alnum));
        }
        if (parts.size() < 2 || !agency_is_valid(parts)) return std::nullopt;
        if (!skip_separator()) return std::nullopt;
        const std::string_view date_run = run(is_digit);
        if (date_run.empty()) return std::nullopt;
        std::string_view next_run;
        const std::size_t after_date = at_;
        if (skip_separator()) next_run = run(is_digit);
        if (next_run.empty()) at_ = after_date;
        if (at_ < text_.size() && is_alnum(text_[at_])) return std::nullopt;
        auto tail = date_and_sequence(date_run, next_run);
        if (!tail) return std::nullopt;
        std::string code;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            if (i > 0) code += '.';
            for (char c : parts[i]) code += upper(c);
        }
        code += '-';
        code += tail->first;
        code += '-';
        code += tail->second;
        return code;
    }

private:
    static bool agency_is_valid(const std::vector<std::string_view>& parts) {
        for (std::string_view part : parts) {
            if (part.size() > 4) return false;
        }
        return is_province(parts.front()) || is_province(parts.back());
    }

    char peek() const { return at_ < text_.size() ? text_[at_] : '\0'; }

    std::string_view run(bool (*accepts)(char)) {
        const std::size_t begin = at_;
        while (at_ < text_.size() && accepts(text_[at_])) ++at_;
        return text_.substr(begin, at_ - begin);
    }

    // Spaces, at most one dash, spaces; false when there is none.
    bool skip_separator() {
        const std::size_t begin = at_;
        while (peek() == ' ') ++at_;
        if (peek() == '-') ++at_;
        while (peek() == ' ') ++at_;
        return at_ != begin;
    }

    std::string_view text_;
    std::size_t at_ = 0;
};

}  // namespace

std::optional<std::string> find_dossier_code(std::string_view text) {
    const std::string plain = plain_dashes(text);
    Scanner scanner(plain);
    for (std::size_t i = 0; i < plain.size(); ++i) {
        const bool starts_word = i == 0 || (!is_alnum(plain[i - 1]) && plain[i - 1] != '.');
        if (!starts_word || !is_alnum(plain[i])) continue;
        if (auto code = scanner.code_at(i)) return code;
    }
    return std::nullopt;
}

}  // namespace motcua::dialogs
