#include "bot/case_reference.hpp"

#include <charconv>

namespace motcua::bot {
namespace {

// Read by hand rather than with std::regex, whose matching recurses once per character: an
// SMS of some ten thousand spaces overflowed the stack of the thread running the turn.
constexpr std::size_t max_digits = 18;  // any such number fits an int64

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_word(char c) { return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_separator(char c) { return is_space(c) || c == ':' || c == '.' || c == ',' || c == '-'; }

template <typename Predicate>
std::size_t skip(std::string_view text, std::size_t at, Predicate skipped) {
    while (at < text.size() && skipped(text[at])) ++at;
    return at;
}

}  // namespace

std::optional<CaseReference> read_case_reference(std::string_view text) {
    std::size_t at = skip(text, 0, is_space);
    if (at == text.size() || text[at] != '#') return std::nullopt;
    const std::size_t digits = skip(text, at + 1, is_space);
    at = skip(text, digits, is_digit);
    if (at == digits || at - digits > max_digits || (at < text.size() && is_word(text[at]))) return std::nullopt;
    std::int64_t number = 0;
    std::from_chars(text.data() + digits, text.data() + at, number);
    return CaseReference{number, text.substr(skip(text, at, is_separator))};
}

}  // namespace motcua::bot
