#pragma once
// The one-stop shop's wall clock (config "timezone", through ICU): the moment of the week that
// office hours are read against, and the local days that statistics are asked for.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "dialogs/office_hours.hpp"

namespace motcua::bot {

// Weekday (0 = Monday) and minute of the day at epoch_ms in the IANA time zone. Throws
// std::invalid_argument for a zone ICU does not know.
dialogs::WeekTime local_week_time(std::int64_t epoch_ms, const std::string& timezone);

// The local midnight that starts the day "YYYY-MM-DD" plus days_later days, as epoch
// milliseconds (a day of a daylight-saving change keeps its true length). nullopt when the date
// is not a real calendar date in that form.
std::optional<std::int64_t> local_midnight(const std::string& date, const std::string& timezone, int days_later = 0);

}  // namespace motcua::bot
