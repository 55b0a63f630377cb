#include "adapters/phone.hpp"

namespace motcua::adapters {
namespace {

bool is_vietnamese_significant_number(std::string_view digits) {
    if (digits.empty()) return false;
    char first = digits.front();
    if (first == '2') return digits.size() == 10;  // fixed line: 2 + area code + subscriber
    bool mobile = first == '3' || first == '5' || first == '7' || first == '8' || first == '9';
    return mobile && digits.size() == 9;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

constexpr std::size_t min_phone_digits = 9;
// Between two groups of a number's digits: "0912 345 678", "0912.345.678", "(024) 3825 3325",
// "0912-345-678", a no-break space.
constexpr std::size_t max_separator_bytes = 3;
constexpr std::string_view no_break_space = "\xC2\xA0";
// Dossier codes join longer groups with dashes ("H15.50.05.13-261008-0975"): a dash joins
// groups of a phone number only when both are this short.
constexpr std::size_t max_dashed_group = 4;

bool is_grouping(char c) { return c == ' ' || c == '.' || c == '(' || c == ')' || c == '-'; }

// The end of the separator starting at `at` (`at` itself when there is none), and whether it
// holds a dash.
std::size_t separator_end(std::string_view text, std::size_t at, bool& dashed) {
    std::size_t end = at;
    dashed = false;
    while (end < text.size() && end - at < max_separator_bytes) {
        if (text.substr(end).starts_with(no_break_space)) {
            end += no_break_space.size();
        } else if (is_grouping(text[end])) {
            dashed = dashed || text[end] == '-';
            ++end;
        } else {
            break;
        }
    }
    return end;
}

// The end of the digit groups that start at `at` (after a "+", if any), and their digits.
std::size_t digit_run_end(std::string_view text, std::size_t at, std::string& digits) {
    std::size_t end = at;
    std::size_t last_group = 0;
    bool dashed = false;
    for (std::size_t group_start = at;;) {
        std::size_t group_end = group_start;
        while (group_end < text.size() && is_digit(text[group_end])) ++group_end;
        const std::size_t group = group_end - group_start;
        if (group == 0 || (dashed && (group > max_dashed_group || last_group > max_dashed_group))) break;
        digits.append(text.substr(group_start, group));
        end = group_end;
        last_group = group;
        group_start = separator_end(text, group_end, dashed);
        if (group_start == group_end) break;
    }
    return end;
}
}  // namespace

std::optional<std::string> to_e164(std::string_view written) {
    std::string digits;
    bool plus = false;
    for (char c : written) {
        if (c >= '0' && c <= '9') {
            digits.push_back(c);
        } else if (c == '+' && digits.empty() && !plus) {
            plus = true;
        } else if (c != ' ' && c != '.' && c != '-' && c != '(' && c != ')') {
            return std::nullopt;
        }
    }
    std::string_view rest = digits;
    bool international = plus;
    if (!plus && rest.starts_with("00")) {
        rest.remove_prefix(2);
        international = true;
    }
    if (international || rest.starts_with("84")) {
        if (rest.starts_with("84")) {
            std::string_view national = rest.substr(2);
            if (national.starts_with("0")) national.remove_prefix(1);  // "+84 (0) 912..."
            if (is_vietnamese_significant_number(national)) return "+84" + std::string(national);
        }
        if (international && rest.size() >= 8 && rest.size() <= 15 && !rest.starts_with("0") &&
            !rest.starts_with("84")) {
            return "+" + std::string(rest);
        }
        if (international) return std::nullopt;
    }
    if (rest.starts_with("0") && is_vietnamese_significant_number(rest.substr(1))) {
        return "+84" + std::string(rest.substr(1));
    }
    return std::nullopt;
}

std::string mask_phone(std::string_view phone) {
    constexpr std::size_t head = 5;
    constexpr std::size_t tail = 3;
    if (phone.size() <= head + tail) {
        std::size_t shown = phone.size() > 2 ? 2 : 0;
        return std::string(phone.size() - shown, '*') + std::string(phone.substr(phone.size() - shown));
    }
    return std::string(phone.substr(0, head)) + std::string(phone.size() - head - tail, '*') +
           std::string(phone.substr(phone.size() - tail));
}

std::string mask_phones_in(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const bool plus = text[i] == '+' && i + 1 < text.size() && is_digit(text[i + 1]);
        const bool starts = (plus || is_digit(text[i])) && (i == 0 || !is_digit(text[i - 1]));
        if (!starts) {
            out += text[i++];
            continue;
        }
        std::string digits;
        const std::size_t end = digit_run_end(text, plus ? i + 1 : i, digits);
        if (digits.size() < min_phone_digits) {
            out.append(text.substr(i, end - i));
        } else if (const auto e164 = to_e164((plus ? "+" : "") + digits)) {
            out += mask_phone(*e164);
        } else {
            out += std::string(digits.size() - 2, '*') + digits.substr(digits.size() - 2);
        }
        i = end;
    }
    return out;
}

}  // namespace motcua::adapters
