#include "bot/api_time.hpp"

#include <chrono>
#include <cstdio>

namespace motcua::bot {

std::string iso_utc(std::int64_t epoch_ms) {
    using namespace std::chrono;
    const sys_days day = floor<days>(sys_time<milliseconds>(milliseconds(epoch_ms)));
    const year_month_day date(day);
    const auto in_day = epoch_ms - duration_cast<milliseconds>(day.time_since_epoch()).count();
    char text[48];  // the longest the format can print, for any int64 time
    std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02lld:%02lld:%02lld.%03lldZ", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                  static_cast<long long>(in_day / 3'600'000), static_cast<long long>(in_day / 60'000 % 60),
                  static_cast<long long>(in_day / 1000 % 60), static_cast<long long>(in_day % 1000));
    return text;
}

nlohmann::json iso_utc_or_null(const std::optional<std::int64_t>& epoch_ms) {
    return epoch_ms ? nlohmann::json(iso_utc(*epoch_ms)) : nlohmann::json(nullptr);
}

}  // namespace motcua::bot
