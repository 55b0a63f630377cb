#include "bot/local_date.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "dialogs/dossier_facts.hpp"

namespace motcua::bot {
namespace {

// 2026-11-25T17:00:00Z is midnight on the 26th in Vietnam (UTC+7, no daylight saving).
constexpr std::int64_t midnight_26th_in_hanoi_ms = 1795626000000;

TEST(LocalDate, DayBoundaryInHoChiMinhCity) {
    EXPECT_EQ(local_date(midnight_26th_in_hanoi_ms - 1, "Asia/Ho_Chi_Minh"), "2026-11-25");
    EXPECT_EQ(local_date(midnight_26th_in_hanoi_ms, "Asia/Ho_Chi_Minh"), "2026-11-26");
    // The same instants in UTC are both still the 25th.
    EXPECT_EQ(local_date(midnight_26th_in_hanoi_ms, "UTC"), "2026-11-25");
}

TEST(LocalDate, OverdueStartsAtLocalMidnight) {
    const auto status = dialogs::DossierStatus::processing;
    EXPECT_FALSE(dialogs::is_overdue(status, "2026-11-25", local_date(midnight_26th_in_hanoi_ms - 1, "Asia/Ho_Chi_Minh")));
    EXPECT_TRUE(dialogs::is_overdue(status, "2026-11-25", local_date(midnight_26th_in_hanoi_ms, "Asia/Ho_Chi_Minh")));
}

TEST(LocalDate, UnknownZoneIsRefused) {
    EXPECT_THROW(local_date(0, "Asia/Gia_Loc"), std::invalid_argument);
}

}  // namespace
}  // namespace motcua::bot
