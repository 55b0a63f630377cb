#include "bot/local_date.hpp"

#include <unicode/calendar.h>
#include <unicode/gregocal.h>
#include <unicode/timezone.h>

#include <cstdio>
#include <memory>
#include <stdexcept>

namespace motcua::bot {

std::string local_date(std::int64_t epoch_ms, const std::string& timezone) {
    std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(timezone)));
    if (!zone || *zone == icu::TimeZone::getUnknown())
        throw std::invalid_argument("unknown time zone '" + timezone + "'");
    UErrorCode status = U_ZERO_ERROR;
    icu::GregorianCalendar calendar(zone.release(), status);
    calendar.setTime(static_cast<UDate>(epoch_ms), status);
    const int year = calendar.get(UCAL_EXTENDED_YEAR, status);
    const int month = calendar.get(UCAL_MONTH, status) + 1;
    const int day = calendar.get(UCAL_DATE, status);
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU calendar: ") + u_errorName(status));
    char date[40];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, month, day);
    return date;
}

}  // namespace motcua::bot
