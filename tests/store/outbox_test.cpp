#include <gtest/gtest.h>

#include "store/message_log.hpp"
#include "store/outbox.hpp"
#include "store_fixture.hpp"

namespace motcua::store {
namespace {

class OutboxTest : public testing::StoreTest {
protected:
    std::int64_t enqueue(Channel channel, const std::string& contact, const std::string& text,
                         std::int64_t now = 0) {
        std::int64_t id = 0;
        write([&](Transaction& tx) { id = enqueue_outbound(tx, {channel, contact, text, {}}, now); });
        return id;
    }

    std::vector<std::int64_t> due(std::int64_t now, const std::set<std::pair<Channel, std::string>>& contacts = {},
                                  std::size_t limit = 100) {
        BusyContacts busy;
        for (const auto& contact : contacts) busy[contact];
        std::vector<std::int64_t> ids;
        for (const auto& item : read([&](Session& s) { return due_outbound(s, now, limit, busy); }))
            ids.push_back(item.id);
        return ids;
    }

    OutboxRow row(std::int64_t id) {
        const auto found = read([&](Session& s) { return find_outbound(s, id); });
        if (!found) throw std::runtime_error("no outbox item " + std::to_string(id));
        return *found;
    }

    const std::string alice = "+84900000001";
    const std::string bob = "+84900000002";
};

TEST_F(OutboxTest, EnqueuedItemKeepsItsMessageAndIsLogged) {
    Outbound message{Channel::zalo, "8523456789012345678", "Chọn thủ tục:",
                     {{"Khai sinh", "1"}, {"Kết hôn \"mới\"", "2"}}};
    std::int64_t id = 0;
    write([&](Transaction& tx) { id = enqueue_outbound(tx, message, 1000); });
    const auto r = row(id);
    EXPECT_EQ(r.state, OutboxState::pending);
    EXPECT_EQ(r.item.message.channel, Channel::zalo);
    EXPECT_EQ(r.item.message.contact, message.contact);
    EXPECT_EQ(r.item.message.text, message.text);
    ASSERT_EQ(r.item.message.choices.size(), 2u);
    EXPECT_EQ(r.item.message.choices[1].title, "Kết hôn \"mới\"");
    EXPECT_EQ(r.item.message.choices[1].payload, "2");
    EXPECT_EQ(r.item.attempts, 0);
    EXPECT_EQ(r.item.created_at_ms, 1000);
    EXPECT_EQ(r.item.next_attempt_at_ms, 1000);
    EXPECT_EQ(read([](Session& s) { return count_message_log(s, Direction::out, Channel::zalo); }), 1);
    EXPECT_EQ(read([](Session& s) { return find_outbound(s, 999); }), std::nullopt);
    EXPECT_THROW(write([](Transaction& tx) { enqueue_outbound(tx, {Channel::sms, "", "x", {}}, 0); }), StoreError);
}

TEST_F(OutboxTest, ContactGetsOneItemAtATimeInOrder) {
    const auto a1 = enqueue(Channel::sms, alice, "1");
    const auto a2 = enqueue(Channel::sms, alice, "2");
    const auto b1 = enqueue(Channel::sms, bob, "1");
    const auto z1 = enqueue(Channel::zalo, alice, "1");  // another channel: another queue
    EXPECT_LT(a1, a2);
    EXPECT_EQ(due(0), (std::vector{a1, b1, z1}));
    write([&](Transaction& tx) { mark_sent(tx, a1, "SMa1", 5); });
    EXPECT_EQ(due(5), (std::vector{a2, b1, z1}));
    EXPECT_EQ(due(5, {}, 2), (std::vector{a2, b1}));
    EXPECT_EQ(due(5, {}, 0), std::vector<std::int64_t>{});
}

TEST_F(OutboxTest, ContactWaitsBehindItsRetryingItem) {
    const auto a1 = enqueue(Channel::sms, alice, "1");
    const auto a2 = enqueue(Channel::sms, alice, "2");
    const auto b1 = enqueue(Channel::sms, bob, "1");
    write([&](Transaction& tx) { schedule_retry(tx, a1, 100, "HTTP 503"); });
    EXPECT_EQ(due(50), (std::vector{b1}));  // a2 is due but must not overtake a1
    EXPECT_EQ(due(100), (std::vector{a1, b1}));
    // At 50 the only future item is a1: a2 and b1 are already due and need no wake-up.
    EXPECT_EQ(read([](Session& s) { return next_outbound_due_at(s, 50); }), 100);
    write([&](Transaction& tx) { mark_sent(tx, b1, "SMb1", 1); });
    EXPECT_EQ(read([](Session& s) { return next_outbound_due_at(s, 100); }), std::nullopt);
    write([&](Transaction& tx) { mark_dead(tx, a1, "invalid number", 100); });
    EXPECT_EQ(due(100), (std::vector{a2}));
}

TEST_F(OutboxTest, BusyContactsAreSkipped) {
    enqueue(Channel::sms, alice, "1");
    enqueue(Channel::sms, alice, "2");
    const auto b1 = enqueue(Channel::sms, bob, "1");
    const auto z1 = enqueue(Channel::zalo, alice, "1");
    EXPECT_EQ(due(0, {{Channel::sms, alice}}), (std::vector{b1, z1}));
    EXPECT_EQ(due(0, {{Channel::sms, alice}, {Channel::sms, bob}, {Channel::zalo, alice}}), std::vector<std::int64_t>{});
    EXPECT_EQ(due(0, {{Channel::zalo, "+84900000099"}}), due(0));
}

TEST_F(OutboxTest, ThoseDueLongestAreChosenFirst) {
    const auto a1 = enqueue(Channel::sms, alice, "1", 0);
    const auto b1 = enqueue(Channel::sms, bob, "1", 0);
    write([&](Transaction& tx) { schedule_retry(tx, a1, 10, "HTTP 503"); });
    const auto c1 = enqueue(Channel::sms, "+84900000003", "1", 5);
    // At 20: b1 has waited since 0, c1 since 5, a1 since 10; two are taken, and in id order.
    EXPECT_EQ(due(20, {}, 2), (std::vector{b1, c1}));
    EXPECT_EQ(due(20, {}, 3), (std::vector{a1, b1, c1}));
}

TEST_F(OutboxTest, RetrySentAndDeadTransitions) {
    const auto id = enqueue(Channel::zalo, "99", "x", 10);
    write([&](Transaction& tx) { schedule_retry(tx, id, 5000, "error -32: rate limit"); });
    auto r = row(id);
    EXPECT_EQ(r.state, OutboxState::pending);
    EXPECT_EQ(r.item.attempts, 1);
    EXPECT_EQ(r.item.next_attempt_at_ms, 5000);
    EXPECT_EQ(r.last_error, "error -32: rate limit");

    write([&](Transaction& tx) { mark_sent(tx, id, "msg-abc", 5001); });
    r = row(id);
    EXPECT_EQ(r.state, OutboxState::sent);
    EXPECT_EQ(r.item.attempts, 2);
    EXPECT_EQ(r.gateway_id, "msg-abc");
    EXPECT_EQ(read([](Session& s) { return next_outbound_due_at(s, 0); }), std::nullopt);

    // An item that has left cannot change again, nor can one that never was.
    EXPECT_THROW(write([&](Transaction& tx) { mark_dead(tx, id, "late", 6000); }), StoreError);
    EXPECT_THROW(write([&](Transaction& tx) { schedule_retry(tx, 777, 1, "x"); }), StoreError);
    EXPECT_THROW(write([&](Transaction& tx) { mark_sent(tx, 777, "x", 1); }), StoreError);

    const auto doomed = enqueue(Channel::zalo, "98", "y", 10);
    write([&](Transaction& tx) { mark_dead(tx, doomed, "-230 and no phone known", 20); });
    r = row(doomed);
    EXPECT_EQ(r.state, OutboxState::dead);
    EXPECT_EQ(r.last_error, "-230 and no phone known");
    EXPECT_EQ(read([](Session& s) { return count_outbound(s, OutboxState::sent); }), 1);
    EXPECT_EQ(read([](Session& s) { return count_outbound(s, OutboxState::dead); }), 1);
    EXPECT_EQ(read([](Session& s) { return count_outbound(s, OutboxState::pending); }), 0);
    EXPECT_EQ(due(1'000'000), std::vector<std::int64_t>{});
}

TEST_F(OutboxTest, RedirectMovesTheItemToSmsAndMakesItDueNow) {
    const auto z1 = enqueue(Channel::zalo, "8523456789012345678", "Hồ sơ đã xong", 0);
    const auto s1 = enqueue(Channel::sms, alice, "later message", 1);
    write([&](Transaction& tx) { schedule_retry(tx, z1, 9000, "-230"); });
    write([&](Transaction& tx) { redirect_outbound(tx, z1, Channel::sms, alice, 50); });
    const auto r = row(z1);
    EXPECT_EQ(r.state, OutboxState::pending);
    EXPECT_EQ(r.item.message.channel, Channel::sms);
    EXPECT_EQ(r.item.message.contact, alice);
    EXPECT_EQ(r.item.next_attempt_at_ms, 50);
    // It joins alice's SMS queue in its original place: before the newer s1.
    EXPECT_EQ(due(50), (std::vector{z1}));
    write([&](Transaction& tx) { mark_sent(tx, z1, "SM1", 60); });
    EXPECT_EQ(due(60), (std::vector{s1}));
    EXPECT_THROW(write([&](Transaction& tx) { redirect_outbound(tx, z1, Channel::sms, alice, 70); }), StoreError);
    EXPECT_THROW(write([&](Transaction& tx) { redirect_outbound(tx, s1, Channel::sms, "", 70); }), StoreError);
}

TEST_F(OutboxTest, NextDueIsTheEarliestFutureAttempt) {
    EXPECT_EQ(read([](Session& s) { return next_outbound_due_at(s, 0); }), std::nullopt);
    const auto a1 = enqueue(Channel::sms, alice, "1", 0);
    const auto b1 = enqueue(Channel::sms, bob, "1", 0);
    write([&](Transaction& tx) {
        schedule_retry(tx, a1, 300, "x");
        schedule_retry(tx, b1, 200, "x");
    });
    EXPECT_EQ(read([](Session& s) { return next_outbound_due_at(s, 0); }), 200);
    EXPECT_EQ(read([](Session& s) { return next_outbound_due_at(s, 200); }), 300);
    EXPECT_EQ(read([](Session& s) { return next_outbound_due_at(s, 300); }), std::nullopt);
}

TEST_F(OutboxTest, NextInQueueSkipsWhatTheGatewayAlreadyAccepted) {
    const auto a1 = enqueue(Channel::sms, alice, "1");
    const auto a2 = enqueue(Channel::sms, alice, "2");
    const auto a3 = enqueue(Channel::sms, alice, "3");
    enqueue(Channel::sms, bob, "1");
    const auto next = [&](std::set<std::int64_t> sent) {
        const auto item = read([&](Session& s) { return next_in_queue(s, Channel::sms, alice, sent); });
        return item ? item->id : 0;
    };
    EXPECT_EQ(next({}), a1);
    EXPECT_EQ(next({a1}), a2);
    EXPECT_EQ(next({a1, a2}), a3);
    EXPECT_EQ(next({a1, a2, a3}), 0);
    write([&](Transaction& tx) {
        mark_sent(tx, a2, "gw-2", 1);  // a2's record stored before a1's: a1 is still first
        schedule_retry(tx, a3, 1'000'000, "timeout");
    });
    EXPECT_EQ(next({}), a1);
    EXPECT_EQ(next({a1}), a3);  // returned although not due: the caller decides
    EXPECT_EQ(read([&](Session& s) { return next_in_queue(s, Channel::zalo, alice, {}); }), std::nullopt);
}

// The dispatcher reads a contact's queue again after a send only when it knows more is there.
TEST_F(OutboxTest, ItemsTellWhetherTheirContactHadMoreQueuedBehindThem) {
    const auto a1 = enqueue(Channel::sms, alice, "1");
    const auto a2 = enqueue(Channel::sms, alice, "2");
    const auto b1 = enqueue(Channel::sms, bob, "1");
    const auto behind = [&](std::int64_t id, const std::vector<OutboxItem>& items) {
        for (const auto& item : items)
            if (item.id == id) return item.others_behind;
        throw std::runtime_error("item " + std::to_string(id) + " was not read");
    };
    const auto heads = read([&](Session& s) { return due_outbound(s, 0, 10, {}); });
    EXPECT_TRUE(behind(a1, heads));
    EXPECT_FALSE(behind(b1, heads));
    const auto next = read([&](Session& s) { return next_in_queue(s, Channel::sms, alice, {a1}); });
    ASSERT_TRUE(next);
    EXPECT_EQ(next->id, a2);
    EXPECT_FALSE(next->others_behind);
    // Sent items are not behind anybody; a newer pending one is.
    write([&](Transaction& tx) { mark_sent(tx, a2, "gw-2", 1); });
    enqueue(Channel::sms, bob, "2");
    const auto later = read([&](Session& s) { return due_outbound(s, 0, 10, {}); });
    EXPECT_FALSE(behind(a1, later));
    EXPECT_TRUE(behind(b1, later));
}

// Sent and dead items are history that only grows: the dispatcher's statements must find what
// is pending in the pending-only indexes (migration 8), never by walking the table. A statement
// whose WHERE stops matching an index's (a bound state instead of 'pending') would scan.
TEST_F(OutboxTest, DispatcherStatementsSearchOnlyWhatIsPending) {
    const auto a1 = enqueue(Channel::sms, alice, "1");
    const auto a2 = enqueue(Channel::sms, alice, "2");
    const auto b1 = enqueue(Channel::zalo, bob, "1");
    const auto b2 = enqueue(Channel::zalo, bob, "2");
    std::vector<std::string> plans;
    write([&](Transaction& tx) {
        mark_sent(tx, a1, "gw-1", 1);
        schedule_retry(tx, b1, 50, "timeout");
        redirect_outbound(tx, b1, Channel::sms, alice, 2);
        mark_dead(tx, a2, "rejected", 3);
        plans = testing::statement_plans(tx, "outbox");
    });
    read([&](Session& s) {
        due_outbound(s, 100, 10, {});
        next_outbound_due_at(s, 0);
        next_in_queue(s, Channel::sms, alice, {b1});
        count_outbound(s, OutboxState::pending);
        count_outbound(s, OutboxState::dead);
        for (auto& plan : testing::statement_plans(s, "outbox")) plans.push_back(std::move(plan));
        return 0;
    });
    EXPECT_GE(plans.size(), 8u);
    const auto in_pending_index = [](const std::string& plan) {
        for (const char* index : {"outbox_pending_by_contact", "outbox_heads_by_due", "outbox_dead"})
            if (plan.find(index) != std::string::npos) return true;
        return false;
    };
    for (const auto& plan : plans) {
        if (plan.find("SCAN ") != std::string::npos) {
            EXPECT_TRUE(in_pending_index(plan)) << plan;
        }
        // A search of a range of ids walks the history too: those after an item, sent or not.
        EXPECT_EQ(plan.find("PRIMARY KEY (rowid>"), std::string::npos) << plan;
        EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << plan;
    }
    EXPECT_EQ(due(100), (std::vector{b1, b2}));
}

TEST_F(OutboxTest, PendingItemsSurviveReopening) {
    const auto a1 = enqueue(Channel::sms, alice, "1");
    reopen();
    EXPECT_EQ(due(0), (std::vector{a1}));
}

}  // namespace
}  // namespace motcua::store
