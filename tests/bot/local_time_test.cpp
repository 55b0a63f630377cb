#include "bot/local_time.hpp"

#include <gtest/gtest.h>

namespace motcua::bot {
namespace {

// 2026-11-27 is a Friday. 00:30 UTC is 07:30 in Hanoi (UTC+7).
constexpr std::int64_t friday_0030_utc = 1'795'739'400'000;

TEST(LocalTime, WeekTimeInTheDeploymentsZone) {
    const auto hanoi = local_week_time(friday_0030_utc, "Asia/Ho_Chi_Minh");
    EXPECT_EQ(hanoi.weekday, 4);
    EXPECT_EQ(hanoi.minute, 7 * 60 + 30);
    const auto utc = local_week_time(friday_0030_utc, "UTC");
    EXPECT_EQ(utc.weekday, 4);
    EXPECT_EQ(utc.minute, 30);
    EXPECT_EQ(local_week_time(friday_0030_utc - 3'600'000, "UTC").weekday, 3);  // Thursday 23:30
    EXPECT_THROW(local_week_time(0, "Mars/Olympus"), std::invalid_argument);
    const std::int64_t sunday_1200_utc_in_july = 1783252800000;  // New York keeps summer time (UTC-4)
    const auto new_york = local_week_time(sunday_1200_utc_in_july, "America/New_York");
    EXPECT_EQ(new_york.weekday, 6);
    EXPECT_EQ(new_york.minute, 8 * 60);
    EXPECT_EQ(local_week_time(-60'000, "UTC").weekday, 2);  // Wednesday 1969-12-31 23:59
    EXPECT_EQ(local_week_time(-60'000, "UTC").minute, 23 * 60 + 59);
}

TEST(LocalTime, MidnightsOfLocalDays) {
    const auto start = local_midnight("2026-11-27", "Asia/Ho_Chi_Minh");
    ASSERT_TRUE(start);
    EXPECT_EQ(*start, friday_0030_utc - (7 * 60 + 30) * 60'000);
    EXPECT_EQ(*local_midnight("2026-11-27", "Asia/Ho_Chi_Minh", 1), *start + 86'400'000);
    EXPECT_EQ(*local_midnight("2026-12-31", "UTC", 1), *local_midnight("2027-01-01", "UTC"));
    for (const char* bad : {"2026-02-30", "2026-13-01", "2026-1-1", "yesterday", "", "2026-11-27x"})
        EXPECT_FALSE(local_midnight(bad, "UTC")) << bad;
}

}  // namespace
}  // namespace motcua::bot
