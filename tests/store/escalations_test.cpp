#include "store/escalations.hpp"

#include <gtest/gtest.h>

#include "store/stats.hpp"
#include "store/timers.hpp"
#include "tests/store/store_fixture.hpp"

namespace motcua::store {
namespace {

using testing::StoreTest;

Escalation citizen_case(const std::string& contact) {
    Escalation e;
    e.officer = "officer-1";
    e.unit = "yet-kieu";
    e.procedure = "khai_tu";
    e.field = "ho_tich";
    e.channel = Channel::zalo;
    e.contact = contact;
    e.question = "ba toi mat";
    return e;
}

class Escalations : public StoreTest {};

TEST_F(Escalations, OpenAnswerCloseWithHistory) {
    std::int64_t id = 0;
    write([&](Transaction& tx) { id = open_escalation(tx, citizen_case("u1"), 1000); });
    auto current = read([](Session& s) { return current_escalation(s, Channel::zalo, "u1"); });
    ASSERT_TRUE(current);
    EXPECT_EQ(current->id, id);
    EXPECT_EQ(current->state, EscalationState::open);
    EXPECT_TRUE(current->handoff);
    EXPECT_EQ(read([](Session& s) { return count_escalations(s, EscalationState::open); }), 1);

    write([&](Transaction& tx) { mark_escalation_answered(tx, id, 5000); });
    write([&](Transaction& tx) { mark_escalation_answered(tx, id, 9000); });
    auto answered = read([&](Session& s) { return find_escalation(s, id); });
    EXPECT_EQ(answered->state, EscalationState::answered);
    EXPECT_EQ(answered->answered_at_ms, 5000);  // the first answer
    EXPECT_EQ(answered->last_activity_at_ms, 9000);

    write([&](Transaction& tx) {
        close_escalation(tx, id, 10'000);
        record_escalation_event(tx, id, "closed", "by officer officer-1", 10'000);
    });
    EXPECT_FALSE(read([](Session& s) { return current_escalation(s, Channel::zalo, "u1"); }));
    const auto closed = read([&](Session& s) { return find_escalation(s, id); });
    EXPECT_EQ(closed->state, EscalationState::closed);
    EXPECT_FALSE(closed->handoff);
    const auto history = read([&](Session& s) { return escalation_history(s, id); });
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(history[0].event, "created");
    EXPECT_EQ(history[1].event, "closed");
    EXPECT_EQ(read([](Session& s) { return list_escalations(s, EscalationState::closed); }).size(), 1u);
    EXPECT_TRUE(read([](Session& s) { return list_escalations(s, EscalationState::open); }).empty());
}

TEST_F(Escalations, LiveCasesOfAnOfficerAndFollowUpsInOrder) {
    std::int64_t a = 0, b = 0;
    write([&](Transaction& tx) {
        a = open_escalation(tx, citizen_case("u1"), 1000);
        b = open_escalation(tx, citizen_case("u2"), 2000);
        reassign_escalation(tx, b, "officer-2", 3000);
    });
    const auto live = read([](Session& s) { return live_escalations_of(s, "officer-1"); });
    ASSERT_EQ(live.size(), 1u);
    EXPECT_EQ(live[0].id, a);
    std::vector<std::string> taken;
    write([&](Transaction& tx) {
        add_escalation_followup(tx, a, "mot", 4000);
        add_escalation_followup(tx, a, "hai", 4001);
        add_escalation_followup(tx, b, "khac", 4002);
        taken = take_escalation_followups(tx, a, 5000);
    });
    EXPECT_EQ(taken, (std::vector<std::string>{"mot", "hai"}));
    write([&](Transaction& tx) { taken = take_escalation_followups(tx, a, 6000); });
    EXPECT_TRUE(taken.empty());
}

// Every citizen's message asks for the contact's escalation, and every officer's message for
// the officer's: answered from the indexes of live cases (migration 8), without a sort or a
// walk of the closed ones.
TEST_F(Escalations, PerMessageLookupsNeedNoSortOrScan) {
    write([&](Transaction& tx) {
        const auto old = open_escalation(tx, citizen_case("u1"), 1000);
        close_escalation(tx, old, 2000);
        open_escalation(tx, citizen_case("u1"), 3000);
    });
    const auto plans = read([](Session& s) {
        EXPECT_EQ(current_escalation(s, Channel::zalo, "u1")->created_at_ms, 3000);
        EXPECT_EQ(live_escalations_of(s, "officer-1").size(), 1u);
        return testing::statement_plans(s, "escalations");
    });
    ASSERT_GE(plans.size(), 2u);
    for (const auto& plan : plans) {
        EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << plan;
        EXPECT_EQ(plan.find("SCAN"), std::string::npos) << plan;
    }
}

TEST_F(Escalations, TimersFireOnce) {
    std::int64_t early = 0;
    write([&](Transaction& tx) {
        schedule_timer(tx, "escalation_ack", 7, 5000, "officer-1");
        early = schedule_timer(tx, "escalation_idle", 7, 3000, "");
    });
    EXPECT_EQ(read([](Session& s) { return next_timer_due_at(s); }), 3000);
    EXPECT_TRUE(read([](Session& s) { return due_timers(s, 2999, 10); }).empty());
    const auto due = read([](Session& s) { return due_timers(s, 5000, 10); });
    ASSERT_EQ(due.size(), 2u);
    EXPECT_EQ(due[0].id, early);
    EXPECT_EQ(due[1].detail, "officer-1");
    bool first = false, second = true;
    write([&](Transaction& tx) { first = claim_timer(tx, early, 5000); });
    write([&](Transaction& tx) { second = claim_timer(tx, early, 5001); });
    EXPECT_TRUE(first);
    EXPECT_FALSE(second);
    EXPECT_TRUE(read([](Session& s) { return has_pending_timer(s, "escalation_ack", 7); }));
    EXPECT_FALSE(read([](Session& s) { return has_pending_timer(s, "escalation_idle", 7); }));
    reopen();  // timers are durable
    EXPECT_EQ(read([](Session& s) { return next_timer_due_at(s); }), 5000);
}

TEST_F(Escalations, StatisticsOfAPeriod) {
    write([&](Transaction& tx) {
        const auto a = open_escalation(tx, citizen_case("u1"), 1000);
        const auto b = open_escalation(tx, citizen_case("u2"), 2000);
        open_escalation(tx, citizen_case("u3"), 3000);
        open_escalation(tx, citizen_case("u4"), 99'000);  // outside the period
        mark_escalation_answered(tx, a, 11'000);           // 10 s
        mark_escalation_answered(tx, b, 32'000);           // 30 s
    });
    const auto stats = read([](Session& s) { return read_stats(s, 0, 50'000); });
    const auto& officer = stats.escalations_by_officer.at("officer-1");
    EXPECT_EQ(officer.escalations, 3);
    EXPECT_EQ(officer.answered, 2);
    EXPECT_EQ(officer.unanswered, 1);
    EXPECT_DOUBLE_EQ(officer.median_answer_s.value(), 20.0);
    EXPECT_EQ(stats.escalations_by_unit.at("yet-kieu").escalations, 3);
}

TEST(Median, OddEvenEmpty) {
    EXPECT_FALSE(median({}));
    EXPECT_DOUBLE_EQ(*median({5, 1, 3}), 3);
    EXPECT_DOUBLE_EQ(*median({4, 1, 3, 2}), 2.5);
}

}  // namespace
}  // namespace motcua::store
