#include "dialogs/office_hours.hpp"

#include <regex>
#include <string>

namespace motcua::dialogs {
namespace {

constexpr const char* kDayNames[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

int day_index(const std::string& name) {
    for (int i = 0; i < 7; ++i)
        if (name == kDayNames[i]) return i;
    return -1;
}

int minutes(const std::string& hh, const std::string& mm) { return std::stoi(hh) * 60 + std::stoi(mm); }

}  // namespace

std::optional<OfficeHours> parse_office_hours(std::string_view text) {
    OfficeHours hours;
    if (text == "always") {
        hours.always = true;
        return hours;
    }
    static const std::regex form(R"(^([A-Z][a-z]{2})(?:-([A-Z][a-z]{2}))? (.+)$)");
    static const std::regex period(R"(^([01][0-9]|2[0-3]):([0-5][0-9])-([01][0-9]|2[0-4]):([0-5][0-9])$)");
    const std::string s(text);
    std::smatch m;
    if (!std::regex_match(s, m, form)) return std::nullopt;
    const int first = day_index(m[1]);
    const int last = m[2].matched ? day_index(m[2]) : first;
    if (first < 0 || last < first) return std::nullopt;
    for (int d = first; d <= last; ++d) hours.days[static_cast<std::size_t>(d)] = true;
    const std::string periods = m[3];
    std::size_t start = 0;
    while (start <= periods.size()) {
        const std::size_t comma = periods.find(',', start);
        const std::string one = periods.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        std::smatch p;
        if (!std::regex_match(one, p, period)) return std::nullopt;
        const int from = minutes(p[1], p[2]);
        const int to = minutes(p[3], p[4]);
        if (to <= from || to > 24 * 60) return std::nullopt;
        hours.periods.emplace_back(from, to);
        if (comma == std::string::npos) break;
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
