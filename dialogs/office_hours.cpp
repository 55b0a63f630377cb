#include "dialogs/office_hours.hpp"

namespace motcua::dialogs {
namespace {

constexpr std::string_view kDayNames[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

int day_index(std::string_view name) {
    for (int i = 0; i < 7; ++i)
        if (name == kDayNames[i]) return i;
    return -1;
}

// The number written with the two digits at text[at], or -1.
int two_digits(std::string_view text, std::size_t at) {
    const auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9'; };
    if (!digit(at) || !digit(at + 1)) return -1;
    return (text[at] - '0') * 10 + (text[at + 1] - '0');
}

// "07:30" at text[at] as minutes since midnight; "24:00" only as an end. -1 when malformed.
int clock_minutes(std::string_view text, std::size_t at, int last_hour) {
    const int hour = two_digits(text, at);
    const int minute = two_digits(text, at + 3);
    if (text[at + 2] != ':' || hour < 0 || hour > last_hour || minute < 0 || minute > 59) return -1;
    return hour * 60 + minute;
}

// "07:30-11:30", ending after it starts and by midnight.
std::optional<std::pair<int, int>> parse_period(std::string_view text) {
    if (text.size() != 11 || text[5] != '-') return std::nullopt;
    const int from = clock_minutes(text, 0, 23);
    const int to = clock_minutes(text, 6, 24);
    if (from < 0 || to <= from || to > 24 * 60) return std::nullopt;
    return std::pair{from, to};
}

}  // namespace

// Parsed by hand rather than with std::regex: its recursion per character overflows the stack on
// a long enough value, and the value comes from the commune's config.
std::optional<OfficeHours> parse_office_hours(std::string_view text) {
    OfficeHours hours;
    if (text == "always") {
        hours.always = true;
        return hours;
    }
    const std::size_t space = text.find(' ');
    if (space == std::string_view::npos) return std::nullopt;
    const std::string_view days = text.substr(0, space);
    const std::size_t dash = days.find('-');
    const int first = day_index(days.substr(0, dash));
    const int last = dash == std::string_view::npos ? first : day_index(days.substr(dash + 1));
    if (first < 0 || last < first) return std::nullopt;
    for (int d = first; d <= last; ++d) hours.days[static_cast<std::size_t>(d)] = true;
    const std::string_view periods = text.substr(space + 1);
    for (std::size_t start = 0;;) {
        const std::size_t comma = periods.find(',', start);
        const auto period = parse_period(periods.substr(start, comma - start));
        if (!period) return std::nullopt;
        hours.periods.push_back(*period);
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    return hours;
}

bool is_open(const OfficeHours& hours, WeekTime now) {
    if (hours.always) return true;
    if (!hours.days[static_cast<std::size_t>(now.weekday)]) return false;
    for (const auto& [from, to] : hours.periods)
        if (now.minute >= from && now.minute < to) return true;
    return false;
}

std::optional<Opening> next_opening(const OfficeHours& hours, WeekTime now) {
    if (is_open(hours, now)) return std::nullopt;
    // Up to a week ahead, and today's own later periods first.
    for (int ahead = 0; ahead <= 7; ++ahead) {
        const int day = (now.weekday + ahead) % 7;
        if (!hours.days[static_cast<std::size_t>(day)]) continue;
        int earliest = -1;
        for (const auto& [from, to] : hours.periods) {
            if (ahead == 0 && from <= now.minute) continue;
            if (earliest < 0 || from < earliest) earliest = from;
        }
        if (earliest >= 0) return Opening{ahead, {day, earliest}};
    }
    return std::nullopt;
}

}  // namespace motcua::dialogs
