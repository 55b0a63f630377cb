#pragma once
// The calendar date at the one-stop shop: "overdue" and the receipt slip's dates are local
// dates, so a dossier due on the 25th becomes overdue at midnight in the commune, not in UTC.
#include <cstdint>
#include <string>

namespace motcua::bot {

// The date, YYYY-MM-DD, in the IANA time zone (config "timezone") at epoch_ms. Throws
// std::invalid_argument for a zone ICU does not know (the config check refuses those first).
std::string local_date(std::int64_t epoch_ms, const std::string& timezone);

// How far the zone's wall clock is ahead of UTC at epoch_ms (daylight saving included), in ms.
std::int64_t local_offset_ms(std::int64_t epoch_ms, const std::string& timezone);

}  // namespace motcua::bot
