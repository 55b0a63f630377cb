#include "bot/local_time.hpp"

#include <unicode/calendar.h>
#include <unicode/gregocal.h>
#include <unicode/timezone.h>

#include <chrono>
#include <memory>
#include <regex>
#include <stdexcept>

#include "bot/local_date.hpp"

namespace motcua::bot {
namespace {

std::unique_ptr<icu::GregorianCalendar> calendar_in(const std::string& timezone) {
    std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(timezone)));
    if (!zone || *zone == icu::TimeZone::getUnknown())
        throw std::invalid_argument("unknown time zone '" + timezone + "'");
    UErrorCode status = U_ZERO_ERROR;
    auto calendar = std::make_unique<icu::GregorianCalendar>(zone.release(), status);
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU calendar: ") + u_errorName(status));
    return calendar;
}

}  // namespace

// Every escalation asks whether the office is open; a calendar built for each took a global ICU
// lock on the writer thread, so the moment is read from the zone's offset instead.
dialogs::WeekTime local_week_time(std::int64_t epoch_ms, const std::string& timezone) {
    using namespace std::chrono;
    const auto local = sys_time<milliseconds>(milliseconds(epoch_ms + local_offset_ms(epoch_ms, timezone)));
    const auto day = floor<days>(local);
    const int weekday_from_monday = static_cast<int>(weekday(day).iso_encoding()) - 1;
    return {weekday_from_monday, static_cast<int>(duration_cast<minutes>(local - day).count())};
}

std::optional<std::int64_t> local_midnight(const std::string& date, const std::string& timezone, int days_later) {
    static const std::regex form(R"(^(\d{4})-(\d{2})-(\d{2})$)");
    std::smatch m;
    if (!std::regex_match(date, m, form)) return std::nullopt;
    const int year = std::stoi(m[1]);
    const int month = std::stoi(m[2]);
    const int day = std::stoi(m[3]);
    auto calendar = calendar_in(timezone);
    calendar->setLenient(false);
    calendar->clear();
    calendar->set(year, month - 1, day, 0, 0, 0);
    UErrorCode status = U_ZERO_ERROR;
    calendar->getTime(status);  // non-lenient: 2026-02-30 fails here
    if (U_FAILURE(status) || month < 1 || month > 12) return std::nullopt;
    calendar->add(UCAL_DATE, days_later, status);
    const UDate at = calendar->getTime(status);
    if (U_FAILURE(status)) return std::nullopt;
    return static_cast<std::int64_t>(at);
}

}  // namespace motcua::bot
