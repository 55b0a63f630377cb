#include "bot/local_date.hpp"

#include <unicode/timezone.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <stdexcept>

namespace motcua::bot {

namespace {

// Every citizen's message asks for today's date; building an ICU zone and calendar for each
// took a global ICU lock and a zone-file lookup. ICU time zones are not safe to share between
// threads, so each thread keeps its own.
const icu::TimeZone& zone_named(const std::string& timezone) {
    thread_local std::map<std::string, std::unique_ptr<icu::TimeZone>, std::less<>> zones;
    if (const auto found = zones.find(timezone); found != zones.end()) return *found->second;
    std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(timezone)));
    if (!zone || *zone == icu::TimeZone::getUnknown())
        throw std::invalid_argument("unknown time zone '" + timezone + "'");
    return *zones.emplace(timezone, std::move(zone)).first->second;
}

}  // namespace

std::int64_t local_offset_ms(std::int64_t epoch_ms, const std::string& timezone) {
    UErrorCode status = U_ZERO_ERROR;
    std::int32_t raw = 0;
    std::int32_t dst = 0;
    zone_named(timezone).getOffset(static_cast<UDate>(epoch_ms), false, raw, dst, status);
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU time zone: ") + u_errorName(status));
    return std::int64_t{raw} + dst;
}

std::string local_date(std::int64_t epoch_ms, const std::string& timezone) {
    using namespace std::chrono;
    const auto local = sys_time<milliseconds>(milliseconds(epoch_ms + local_offset_ms(epoch_ms, timezone)));
    const year_month_day day{floor<days>(local)};
    char date[40];
    std::snprintf(date, sizeof date, "%04d-%02u-%02u", static_cast<int>(day.year()), static_cast<unsigned>(day.month()),
                  static_cast<unsigned>(day.day()));
    return date;
}

}  // namespace motcua::bot
