#include "bot/retry_policy.hpp"

#include <gtest/gtest.h>

namespace motcua::bot {
namespace {

TEST(RetryPolicy, DoublesFromTheInitialDelayUpToTheCeiling) {
    RetryPolicy p{5, 3600, 86400};
    EXPECT_DOUBLE_EQ(p.delay_after(1), 5);
    EXPECT_DOUBLE_EQ(p.delay_after(2), 10);
    EXPECT_DOUBLE_EQ(p.delay_after(3), 20);
    EXPECT_DOUBLE_EQ(p.delay_after(10), 2560);
    EXPECT_DOUBLE_EQ(p.delay_after(11), 3600);
    EXPECT_DOUBLE_EQ(p.delay_after(100000), 3600);  // no overflow after many failures
}

TEST(RetryPolicy, FractionalSecondsAreHonoured) {
    RetryPolicy p{0.05, 0.2, 30};
    EXPECT_EQ(p.next_attempt_ms(0, 1, 1000), 1050);
    EXPECT_EQ(p.next_attempt_ms(0, 5, 1000), 1200);
}

TEST(RetryPolicy, KeepsTryingForTheWholeGiveUpPeriodThenStops) {
    RetryPolicy p{5, 3600, 86400};
    const std::int64_t created = 1'000'000;
    // An hour before the deadline: a normal retry.
    EXPECT_EQ(p.next_attempt_ms(created, 20, created + 82'800'000), created + 82'800'000 + 3'600'000);
    // Close to the deadline: one last try exactly at it rather than none.
    EXPECT_EQ(p.next_attempt_ms(created, 20, created + 86'000'000), created + 86'400'000);
    // At or past the deadline: dead.
    EXPECT_EQ(p.next_attempt_ms(created, 21, created + 86'400'000), std::nullopt);
}

TEST(RetryPolicy, DefaultScheduleCoversAtLeastADay) {
    RetryPolicy p;  // SPEC §2 defaults
    std::int64_t now = 0;
    int attempts = 0;
    while (auto next = p.next_attempt_ms(0, ++attempts, now)) now = *next;
    EXPECT_GE(now, 86'400'000);
    EXPECT_LT(attempts, 60);  // and does not hammer the gateway meanwhile
}

}  // namespace
}  // namespace motcua::bot
