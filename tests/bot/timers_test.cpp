#include "bot/timers.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <boost/asio/executor_work_guard.hpp>
#include <chrono>
#include <stdexcept>
#include <thread>

#include "tests/store/store_fixture.hpp"

namespace motcua::bot {
namespace {

namespace asio = boost::asio;
using namespace std::chrono_literals;

// A timer is due at once; `act` is what firing it does, inside the transaction that claims it.
class TimersFiring : public store::testing::StoreTest {
protected:
    void start(Timers::Fire act) {
        write([](store::Transaction& tx) { store::schedule_timer(tx, "test", 1, 0, ""); });
        timers = std::make_unique<Timers>(io, *db, std::move(act), [] { return std::int64_t{1000}; }, [] {});
        timers->start();
        loop = std::thread([this] { io.run(); });
    }
    void TearDown() override {
        if (timers) timers->stop();
        work.reset();
        io.stop();
        if (loop.joinable()) loop.join();
        db.reset();  // a firing still queued on the writer uses the timers and the counters below
        StoreTest::TearDown();
    }
    // The action throws what `fail` throws: the timer is claimed after that one try and never
    // tried again.
    void expect_given_up(const std::function<void()>& fail) {
        start([this, fail](store::Transaction&, const store::Timer&, std::int64_t) {
            ++calls;
            fail();
        });
        ASSERT_TRUE(wait_for([&] { return calls >= 1 && !pending(); }));
        std::this_thread::sleep_for(1200ms);  // past the pause after a failure
        EXPECT_EQ(calls, 1);
    }
    bool pending() {
        return read([](store::Session& s) { return store::has_pending_timer(s, "test", 1); });
    }
    static bool wait_for(const std::function<bool()>& condition) {
        for (auto deadline = std::chrono::steady_clock::now() + 10s; std::chrono::steady_clock::now() < deadline;) {
            if (condition()) return true;
            std::this_thread::sleep_for(5ms);
        }
        return condition();
    }

    asio::io_context io;
    asio::executor_work_guard<asio::io_context::executor_type> work = asio::make_work_guard(io);
    std::unique_ptr<Timers> timers;
    std::thread loop;
    std::atomic<int> calls{0};
    std::atomic<int> fired{0};
};

// A locked or full store is not the timer's fault: it stays due and fires once the store
// answers. Given up, an idle-handoff timer would leave the citizen with no bot for good.
TEST_F(TimersFiring, ATimerTheStoreFailedStaysDueAndFiresOnceItRecovers) {
    start([this](store::Transaction&, const store::Timer&, std::int64_t) {
        if (++calls == 1) throw store::StoreError("step: database is locked", SQLITE_BUSY);
        ++fired;
    });
    // Counted inside the transaction: the claim is seen once it has committed.
    ASSERT_TRUE(wait_for([&] { return fired == 1 && !pending(); })) << calls;
    std::this_thread::sleep_for(200ms);
    EXPECT_EQ(calls, 2);
}

// A timer whose own action fails would fail on every try: it is claimed without acting.
TEST_F(TimersFiring, ATimerWhoseActionFailsIsGivenUpNotRetriedForever) {
    expect_given_up([] { throw std::logic_error("no such escalation"); });
}

// A statement the store refuses, or data it finds wrong, would fail on every try just the same.
TEST_F(TimersFiring, AStatementTheStoreRefusesCountsAsTheActionFailing) {
    expect_given_up([] { throw store::StoreError("step: UNIQUE constraint failed", SQLITE_CONSTRAINT_UNIQUE); });
}

TEST_F(TimersFiring, DataTheStoreFindsWrongCountsAsTheActionFailing) {
    expect_given_up([] { throw store::StoreError("escalation 3 has an unknown state 'lost'"); });
}

}  // namespace
}  // namespace motcua::bot
