#include "dialogs/office_hours.hpp"

#include <gtest/gtest.h>

#include <string>

namespace motcua::dialogs {
namespace {

constexpr int kMon = 0, kTue = 1, kFri = 4, kSat = 5, kSun = 6;

int at(int hour, int minute) { return hour * 60 + minute; }

OfficeHours weekdays() { return parse_office_hours("Mon-Fri 07:30-11:30,13:30-17:00").value(); }

TEST(OfficeHours, ParsesTheConfigForms) {
    const OfficeHours hours = weekdays();
    EXPECT_FALSE(hours.always);
    EXPECT_TRUE(hours.days[kMon]);
    EXPECT_TRUE(hours.days[kFri]);
    EXPECT_FALSE(hours.days[kSat]);
    ASSERT_EQ(hours.periods.size(), 2u);
    EXPECT_EQ(hours.periods[1], std::make_pair(at(13, 30), at(17, 0)));
    EXPECT_TRUE(parse_office_hours("always")->always);
    const auto saturday = parse_office_hours("Sat 08:00-11:00");
    ASSERT_TRUE(saturday);
    EXPECT_TRUE(saturday->days[kSat]);
    EXPECT_FALSE(saturday->days[kSun]);
}

TEST(OfficeHours, RefusesWhatIsNotAWeek) {
    for (const char* bad : {"", "weekdays", "Fri-Mon 08:00-17:00", "Mon-Fri 17:00-08:00", "Mon-Fri 07:30",
                            "Mon-Fri 07:30-11:30,", "Xyz 08:00-09:00", "Mon-Fri 25:00-26:00"}) {
        EXPECT_FALSE(parse_office_hours(bad)) << bad;
    }
}

TEST(OfficeHours, EndsByMidnightAtTheLatest) {
    const auto whole_day = parse_office_hours("Sun 00:00-24:00");
    ASSERT_TRUE(whole_day);
    EXPECT_EQ(whole_day->periods.front(), std::make_pair(0, at(24, 0)));
    for (const char* bad : {"Sun 00:00-24:30", "Sun 24:00-24:00", "Sun 7:30-11:30", "Sun 07:30-11:60",
                            "Mon-Fri  07:30-11:30", "Mon- 07:30-11:30", "Mon-Tue-Wed 07:30-11:30"}) {
        EXPECT_FALSE(parse_office_hours(bad)) << bad;
    }
}

// A megabyte-long value once overflowed the stack of the regex that read it.
TEST(OfficeHours, AVeryLongValueIsRefusedNotACrash) {
    EXPECT_FALSE(parse_office_hours("Mon-Fri " + std::string(1 << 20, '0')));
    EXPECT_FALSE(parse_office_hours(std::string(1 << 20, 'M')));
}

TEST(OfficeHours, OpenDuringPeriodsOnly) {
    const OfficeHours hours = weekdays();
    EXPECT_TRUE(is_open(hours, {kTue, at(7, 30)}));
    EXPECT_TRUE(is_open(hours, {kTue, at(11, 29)}));
    EXPECT_FALSE(is_open(hours, {kTue, at(11, 30)}));  // the end is exclusive
    EXPECT_FALSE(is_open(hours, {kTue, at(12, 0)}));
    EXPECT_FALSE(is_open(hours, {kSat, at(9, 0)}));
    EXPECT_TRUE(is_open(*parse_office_hours("always"), {kSun, at(3, 0)}));
}

TEST(OfficeHours, NoNextOpeningWhileOpen) {
    EXPECT_FALSE(next_opening(weekdays(), {kTue, at(9, 0)}));
    EXPECT_FALSE(next_opening(*parse_office_hours("always"), {kSun, at(23, 0)}));
}

TEST(OfficeHours, NextOpeningAcrossLunch) {
    const auto next = next_opening(weekdays(), {kTue, at(12, 0)});
    ASSERT_TRUE(next);
    EXPECT_EQ(next->days_ahead, 0);
    EXPECT_EQ(next->at.weekday, kTue);
    EXPECT_EQ(next->at.minute, at(13, 30));
}

TEST(OfficeHours, NextOpeningInTheEveningAndEarlyMorning) {
    const auto evening = next_opening(weekdays(), {kTue, at(19, 0)});
    ASSERT_TRUE(evening);
    EXPECT_EQ(evening->days_ahead, 1);
    EXPECT_EQ(evening->at.weekday, 2);
    EXPECT_EQ(evening->at.minute, at(7, 30));
    const auto dawn = next_opening(weekdays(), {kTue, at(6, 0)});
    ASSERT_TRUE(dawn);
    EXPECT_EQ(dawn->days_ahead, 0);
    EXPECT_EQ(dawn->at.minute, at(7, 30));
}

TEST(OfficeHours, NextOpeningOverTheWeekend) {
    for (const WeekTime now : {WeekTime{kFri, at(17, 0)}, WeekTime{kSat, at(10, 0)}, WeekTime{kSun, at(23, 59)}}) {
        const auto next = next_opening(weekdays(), now);
        ASSERT_TRUE(next);
        EXPECT_EQ(next->at.weekday, kMon);
        EXPECT_EQ(next->at.minute, at(7, 30));
        EXPECT_EQ((now.weekday + next->days_ahead) % 7, kMon);
    }
    // A week with one opening day: next week's, seven days ahead when today's has passed.
    const auto monday_only = parse_office_hours("Mon 08:00-09:00").value();
    const auto next = next_opening(monday_only, {kMon, at(10, 0)});
    ASSERT_TRUE(next);
    EXPECT_EQ(next->days_ahead, 7);
}

}  // namespace
}  // namespace motcua::dialogs
