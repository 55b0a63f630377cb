#pragma once
// The one-stop shop's opening hours (config "office_hours"), and when it next opens: what a
// citizen handed to an officer is told about when to expect an answer. Pure: the bot reads the
// local time (ICU, config "timezone") and passes it in.
#include <array>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace motcua::dialogs {

// A moment of the local week: weekday 0 = Monday ... 6 = Sunday, minutes since midnight.
struct WeekTime {
    int weekday = 0;
    int minute = 0;
};

struct OfficeHours {
    bool always = false;
    std::array<bool, 7> days{};                 // open on this weekday (0 = Monday)
    std::vector<std::pair<int, int>> periods;   // [from, to) in minutes, the same every open day
};

// "Mon-Fri 07:30-11:30,13:30-17:00", "Sat 08:00-11:00" or "always"; nullopt for anything else
// (a day range that wraps, a period that ends before it starts).
std::optional<OfficeHours> parse_office_hours(std::string_view text);

bool is_open(const OfficeHours& hours, WeekTime now);

// When the office next opens after `now`, when it is closed then: days_ahead 0 is later today,
// 1 tomorrow. nullopt when it is open now, always open, or never open.
struct Opening {
    int days_ahead = 0;
    WeekTime at;
};
std::optional<Opening> next_opening(const OfficeHours& hours, WeekTime now);

}  // namespace motcua::dialogs
