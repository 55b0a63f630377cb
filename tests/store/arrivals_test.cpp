#include <gtest/gtest.h>

#include "store/arrivals.hpp"
#include "store/conversations.hpp"
#include "store/statement.hpp"
#include "store_fixture.hpp"

namespace motcua::store {
namespace {

using testing::StoreTest;

const std::string alice = "+84900000001";
constexpr std::int64_t hour = 3'600'000;

class Arrivals : public StoreTest {
protected:
    // An allowance of 3 an hour: keeping 4 tells whether it is exceeded.
    std::int64_t arrive(std::int64_t at_ms, Channel channel = Channel::sms, const std::string& contact = alice) {
        std::int64_t counted = 0;
        write([&](Transaction& tx) { counted = record_arrival(tx, channel, contact, at_ms, at_ms - hour + 1, 4); });
        return counted;
    }
    std::string column(const std::string& contact = alice) {
        return read([&](Session& s) {
            return s.prepare("SELECT arrivals FROM conversations WHERE contact = ?1").bind(1, contact).first_text().value_or("?");
        });
    }
};

TEST_F(Arrivals, CountsTheHourUpToOneMoreThanTheAllowance) {
    EXPECT_EQ(arrive(1'000), 1);
    EXPECT_EQ(arrive(2'000), 2);
    EXPECT_EQ(arrive(3'000), 3);
    EXPECT_EQ(arrive(4'000), 4);
    EXPECT_EQ(arrive(5'000), 4);  // only the latest four are kept
    EXPECT_EQ(column(), "2000 3000 4000 5000");
    // An hour after the 3 000 one, it no longer counts, nor is it kept.
    EXPECT_EQ(arrive(3'000 + hour), 3);
    EXPECT_EQ(column(), "4000 5000 3603000");
    EXPECT_EQ(arrive(10 * hour), 1);
    EXPECT_EQ(column(), "36000000");
}

TEST_F(Arrivals, EachContactOnEachChannelCountsApart) {
    arrive(1'000);
    arrive(2'000);
    EXPECT_EQ(arrive(3'000, Channel::zalo, alice), 1);
    EXPECT_EQ(arrive(3'000, Channel::sms, "+84900000002"), 1);
    EXPECT_EQ(arrive(3'000), 3);
}

TEST_F(Arrivals, AFirstMessageLeavesTheConversationFreshAndATurnKeepsTheTimes) {
    arrive(1'000);
    EXPECT_EQ(read([](Session& s) { return load_conversation(s, Channel::sms, alice); }), "");
    write([](Transaction& tx) { save_conversation(tx, Channel::sms, alice, R"({"step":"menu"})", 1'000); });
    EXPECT_EQ(arrive(2'000), 2);
    EXPECT_EQ(read([](Session& s) { return load_conversation(s, Channel::sms, alice); }), R"({"step":"menu"})");
}

TEST_F(Arrivals, TimesOutOfOrderOrNotTimesAtAllAreTakenCalmly) {
    write([](Transaction& tx) {
        tx.exec("INSERT INTO conversations (channel, contact, state, updated_at, arrivals)"
                " VALUES ('sms', '+84900000001', '', 0, '3000 x 1000  -5 2000 99999999999999999999 ')");
    });
    // -5 is a time like any other, the oldest, so the one dropped; the rest is not a time.
    EXPECT_EQ(arrive(4'000), 4);
    EXPECT_EQ(column(), "1000 2000 3000 4000");
    // A clock set back: the earlier time goes in its place, and the newest four stay.
    EXPECT_EQ(arrive(1'500), 4);
    EXPECT_EQ(column(), "1500 2000 3000 4000");
}

TEST_F(Arrivals, LookupsGoByTheConversationsKey) {
    std::vector<std::string> plans;
    write([&](Transaction& tx) {
        record_arrival(tx, Channel::sms, alice, 1, 0, 21);
        plans = testing::statement_plans(tx, "arrivals");
    });
    ASSERT_FALSE(plans.empty());
    for (const auto& plan : plans) EXPECT_EQ(plan.find("SCAN "), std::string::npos) << plan;
}

}  // namespace
}  // namespace motcua::store
