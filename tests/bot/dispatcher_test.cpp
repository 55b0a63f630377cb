#include "bot/dispatcher.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <boost/asio/executor_work_guard.hpp>
#include <atomic>
#include <chrono>
#include <functional>
#include <future>
#include <mutex>
#include <thread>

#include "store/outbox.hpp"
#include "store/settings.hpp"
#include "tests/store/failing_vfs.hpp"
#include "tests/store/held_disk.hpp"
#include "tests/store/store_fixture.hpp"

namespace motcua::bot {
namespace {

namespace asio = boost::asio;
using namespace std::chrono_literals;

// A gateway that answers every send at once with the same outcome and remembers the texts.
// A test's `on_send` runs inside each send, before the answer.
class RecordingGateway : public Sender {
public:
    using OnSend = std::function<void(const Outbound&)>;
    RecordingGateway(SendOutcome outcome, OnSend on_send) : outcome_(std::move(outcome)), on_send_(std::move(on_send)) {}

    asio::awaitable<SendOutcome> send(const Outbound& message) override {
        {
            std::lock_guard lock(mutex_);
            texts_.push_back(message.text);
        }
        if (on_send_) on_send_(message);
        co_return outcome_;
    }

    std::vector<std::string> texts() const {
        std::lock_guard lock(mutex_);
        return texts_;
    }

private:
    SendOutcome outcome_;
    OnSend on_send_;
    mutable std::mutex mutex_;
    std::vector<std::string> texts_;
};

// A dispatcher on its own loop thread, sending to a gateway the fixture owns, with the clock at 1 s.
class DispatcherTest : public store::testing::StoreTest {
protected:
    void TearDown() override {
        // Also after a test's own stop: the loop thread still runs the stop's last steps.
        if (dispatcher) stop_dispatcher().wait_for(30s);
        io.stop();
        if (loop.joinable()) loop.join();
        db.reset();  // its writer's last reports call the dispatcher, which must still be there
        StoreTest::TearDown();
    }

    // Asks the dispatcher to stop; ready once it is idle.
    std::future<void> stop_dispatcher() {
        auto idle = std::make_shared<std::promise<void>>();  // may outlive a failed test's wait
        dispatcher->stop([idle] { idle->set_value(); });
        return idle->get_future();
    }

    // The fixture owns the gateway, so that it outlives the loop thread: that thread may still be
    // inside a send when the test's body returns.
    RecordingGateway& start(SendOutcome outcome = {SendOutcome::Kind::accepted, "gw"},
                            RecordingGateway::OnSend on_send = nullptr) {
        auto& gateway = gateway_.emplace(std::move(outcome), std::move(on_send));
        dispatcher = std::make_unique<Dispatcher>(io, *db, std::map<Channel, Sender*>{{Channel::sms, &gateway}},
                                                  RetryPolicy{}, [this] {
                                                      ++clock_reads;
                                                      return now_ms.load();
                                                  }, metrics);
        dispatcher->start();
        loop = std::thread([this] { io.run(); });
        return gateway;
    }

    static bool wait_for(const std::function<bool()>& condition) {
        for (auto deadline = std::chrono::steady_clock::now() + 10s; std::chrono::steady_clock::now() < deadline;) {
            if (condition()) return true;
            std::this_thread::sleep_for(5ms);
        }
        return condition();
    }

    std::int64_t pending() {
        return read([](store::Session& s) { return store::count_outbound(s, store::OutboxState::pending); });
    }

    std::atomic<std::int64_t> now_ms{1000};
    std::atomic<int> clock_reads{0};
    asio::io_context io;
    asio::executor_work_guard<asio::io_context::executor_type> work = asio::make_work_guard(io);
    Metrics metrics;
    std::optional<RecordingGateway> gateway_;
    std::unique_ptr<Dispatcher> dispatcher;
    std::thread loop;
};

// A contact's message stored while the one before it is on its way is not known to that send,
// which reads nothing more of the queue when nothing was behind it: the message goes once the
// first one's record is stored, not ahead of it.
TEST_F(DispatcherTest, AMessageStoredWhileTheOneBeforeIsOnItsWayWaitsForThatOnesRecord) {
    write([](store::Transaction& tx) { store::enqueue_outbound(tx, {Channel::sms, "+84900000001", "1", {}}, 0); });
    std::promise<void> release;
    auto& gateway = start({SendOutcome::Kind::accepted, "gw"},
                          [this, held = release.get_future().share()](const Outbound& message) {
                              if (message.text != "1") return;
                              write([](store::Transaction& tx) {
                                  store::enqueue_outbound(tx, {Channel::sms, "+84900000001", "2", {}}, 0);
                              });
                              // "1"'s record, due after this answer, waits behind this job.
                              db->writer().submit([held](store::Transaction&) { held.wait(); }, nullptr);
                          });
    ASSERT_TRUE(wait_for([&] { return gateway.texts().size() >= 1; }));
    std::this_thread::sleep_for(100ms);
    EXPECT_EQ(gateway.texts(), std::vector<std::string>{"1"});

    release.set_value();
    ASSERT_TRUE(wait_for([&] { return pending() == 0; })) << pending();
    EXPECT_EQ(gateway.texts(), (std::vector<std::string>{"1", "2"}));
}

// One contact's queue, longer than the follow-on allows, sent while the test holds the store's writer: whatever the gateway
// receives before the writer is let go was sent ahead of its predecessors' records.
class DispatcherFollowOn : public DispatcherTest {
protected:
    void SetUp() override {
        DispatcherTest::SetUp();
        for (std::size_t i = 1; i <= queued; ++i)
            write([i](store::Transaction& tx) {
                store::enqueue_outbound(tx, {Channel::sms, "+84900000001", std::to_string(i), {}}, 0);
            });
        db->writer().submit([this](store::Transaction&) { writer_held.wait(); }, nullptr);
    }

    static constexpr std::size_t queued = Dispatcher::max_unrecorded_per_contact + 2;

    static std::vector<std::string> texts(std::size_t count) {
        std::vector<std::string> numbers;
        for (std::size_t i = 1; i <= count; ++i) numbers.push_back(std::to_string(i));
        return numbers;
    }

    void TearDown() override {
        release_writer();
        DispatcherTest::TearDown();
    }

    void release_writer() {
        if (!released) release.set_value();
        released = true;
    }

    std::promise<void> release;
    std::shared_future<void> writer_held = release.get_future().share();
    bool released = false;
};

TEST_F(DispatcherFollowOn, AcceptedMessagesLetTheNextGoBeforeTheirRecordsAreStored) {
    auto& gateway = start();
    const auto ahead = Dispatcher::max_unrecorded_per_contact;
    ASSERT_TRUE(wait_for([&] { return gateway.texts().size() >= ahead; }));
    std::this_thread::sleep_for(100ms);  // the records are held: no more may go ahead
    EXPECT_EQ(gateway.texts(), texts(ahead));
    EXPECT_EQ(pending(), static_cast<std::int64_t>(queued));

    release_writer();
    ASSERT_TRUE(wait_for([&] { return pending() == 0; })) << pending();
    EXPECT_EQ(gateway.texts(), texts(queued));
}

TEST_F(DispatcherFollowOn, AMessageNotAcceptedHoldsTheRestUntilItsOutcomeIsStored) {
    auto& gateway = start({SendOutcome::Kind::retry, "gateway busy"});
    ASSERT_TRUE(wait_for([&] { return gateway.texts().size() >= 1; }));
    std::this_thread::sleep_for(100ms);
    EXPECT_EQ(gateway.texts(), texts(1));

    release_writer();
    // Its retry is stored for later (RetryPolicy's first delay, 5 s): the queue waits behind it.
    ASSERT_TRUE(wait_for([&] {
        const auto row = read([](store::Session& s) { return store::find_outbound(s, 1); });
        return row && row->item.attempts == 1;
    }));
    std::this_thread::sleep_for(100ms);
    EXPECT_EQ(gateway.texts(), texts(1));
    EXPECT_EQ(pending(), static_cast<std::int64_t>(queued));
}

// A reply whose commit readers already see but the disk does not hold yet stays unsent: a power
// cut would undo its message, and the gateway's retry would be answered a second time.
class DispatcherOnAHeldDisk : public DispatcherTest {
protected:
    void SetUp() override { db = store::Database::open(path(), store::Database::Commits::synced_aside, disk.sync()); }
    void TearDown() override {
        disk.let_go();
        DispatcherTest::TearDown();  // closes the database before the disk its syncer calls goes
    }

    // Starts the dispatcher with nothing to send, stores a reply while the disk is held, and
    // returns once the dispatcher's poll has read it. A poll reads the clock to find due items,
    // again to find the next due time, and once more before it sleeps.
    void read_while_the_disk_is_held() {
        start();
        ASSERT_TRUE(wait_for([&] { return clock_reads >= 3; }));  // the first poll, now asleep
        disk.hold();
        db->writer().submit(
            [](store::Transaction& tx) { store::enqueue_outbound(tx, {Channel::sms, "+84900000001", "xin chao", {}}, 0); },
            nullptr);
        ASSERT_TRUE(wait_for([&] { return pending() == 1; }));
        const int before = clock_reads;
        dispatcher->wake();
        ASSERT_TRUE(wait_for([&] { return clock_reads >= before + 2; }));  // past the due items' read
    }

    // Stores "later" (due at 2 s), then "now", and starts: "now" goes at once, found on disk,
    // and is newer than "later", which the dispatcher may then send without waiting for a sync.
    void send_now_keep_later() {
        write([](store::Transaction& tx) {
            store::enqueue_outbound(tx, {Channel::sms, "+84900000001", "later", {}}, 2000);
            store::enqueue_outbound(tx, {Channel::sms, "+84900000002", "now", {}}, 0);
        });
        start();
        ASSERT_TRUE(wait_for([&] { return pending() == 1; }));
    }

    // Makes the next sync fail, held or not, and with it the store until a restart.
    void make_a_sync_fail() {
        disk.fail(true);
        disk.let_go();
        db->writer().submit([](store::Transaction& tx) { store::save_setting(tx, "k", "v"); }, nullptr);
        ASSERT_TRUE(wait_for([&] { return db->writer().failed(); }));
    }

    store::testing::HeldDisk disk;
};

TEST_F(DispatcherOnAHeldDisk, SendsAReplyOnlyOnceItsCommitIsOnDisk) {
    ASSERT_NO_FATAL_FAILURE(read_while_the_disk_is_held());
    auto& gateway = *gateway_;
    std::this_thread::sleep_for(50ms);
    EXPECT_TRUE(gateway.texts().empty());

    disk.let_go();
    ASSERT_TRUE(wait_for([&] { return pending() == 0; })) << pending();
    EXPECT_EQ(gateway.texts(), std::vector<std::string>{"xin chao"});
}

TEST_F(DispatcherOnAHeldDisk, AReplyStoredBeforeOneAlreadyOnDiskDoesNotWaitForTheDisk) {
    ASSERT_NO_FATAL_FAILURE(send_now_keep_later());
    auto& gateway = *gateway_;

    disk.hold();
    db->writer().submit(
        [](store::Transaction& tx) { store::enqueue_outbound(tx, {Channel::sms, "+84900000003", "new", {}}, 0); },
        nullptr);
    ASSERT_TRUE(wait_for([&] { return pending() == 2; }));
    now_ms = 3000;
    dispatcher->wake();
    ASSERT_TRUE(wait_for([&] { return gateway.texts().size() == 2; }));
    std::this_thread::sleep_for(50ms);
    EXPECT_EQ(gateway.texts(), (std::vector<std::string>{"now", "later"}));  // "new" waits for the disk

    disk.let_go();
    ASSERT_TRUE(wait_for([&] { return gateway.texts().size() == 3; }));
    EXPECT_EQ(gateway.texts().back(), "new");
}

TEST_F(DispatcherOnAHeldDisk, AStopWhileAReplyWaitsForTheDiskLeavesItPending) {
    ASSERT_NO_FATAL_FAILURE(read_while_the_disk_is_held());
    auto& gateway = *gateway_;
    auto idle = stop_dispatcher();
    disk.let_go();
    EXPECT_EQ(idle.wait_for(10s), std::future_status::ready);
    EXPECT_TRUE(gateway.texts().empty());
    EXPECT_EQ(pending(), 1);
}

// After a failed sync the store takes no more writes until a restart, and the reply's commit
// will never be known durable: the reply is let go, unsent, so that the stop does not wait for
// it until its deadline.
TEST_F(DispatcherOnAHeldDisk, AReplyWhoseCommitsSyncFailedIsLetGoUnsent) {
    ASSERT_NO_FATAL_FAILURE(read_while_the_disk_is_held());
    auto& gateway = *gateway_;
    make_a_sync_fail();
    EXPECT_EQ(stop_dispatcher().wait_for(10s), std::future_status::ready);
    EXPECT_TRUE(gateway.texts().empty());
    EXPECT_EQ(pending(), 1);
}

// What was durable before a failed sync is not sent either: its "sent" could not be recorded,
// and the restart that a failed sync needs would send it a second time.
TEST_F(DispatcherOnAHeldDisk, AfterAFailedSyncNothingIsSent) {
    ASSERT_NO_FATAL_FAILURE(send_now_keep_later());
    auto& gateway = *gateway_;
    make_a_sync_fail();
    now_ms = 3000;
    const int before = clock_reads;
    dispatcher->wake();
    // A poll reads the clock three times, the first for the due items: a third read since
    // `before` is the due items' read of a poll that began after it.
    ASSERT_TRUE(wait_for([&] { return clock_reads >= before + 3; }));
    EXPECT_EQ(stop_dispatcher().wait_for(10s), std::future_status::ready);
    EXPECT_EQ(gateway.texts(), std::vector<std::string>{"now"});
    EXPECT_EQ(pending(), 1);
}

// A reply the gateway took while the disk failed cannot be recorded before the restart: the
// stop for that restart does not wait for its record.
TEST_F(DispatcherOnAHeldDisk, AStopDoesNotWaitForARecordThatAFailedSyncRefused) {
    write([](store::Transaction& tx) { store::enqueue_outbound(tx, {Channel::sms, "+84900000001", "xin chao", {}}, 0); });
    disk.hold();  // the record of the send waits for this disk
    auto& gateway = start();
    ASSERT_TRUE(wait_for([&] { return gateway.texts().size() == 1; }));
    ASSERT_TRUE(disk.wait_for_syncs(2));  // the reply's write was the first
    make_a_sync_fail();
    EXPECT_EQ(stop_dispatcher().wait_for(10s), std::future_status::ready);
    // Whether its record reached the disk only the restart's recovery tells: if not, it is sent
    // once more then, SPEC §6's one window.
    EXPECT_EQ(gateway.texts(), std::vector<std::string>{"xin chao"});
}

class DispatcherOnAFailingDisk : public DispatcherTest {
protected:
    // Made before SetUp opens the database through it; outlives it, which TearDown closes.
    store::testing::FailingVfs vfs;
};

// The gateway took the reply, but the disk refused its record for a moment: the record waits
// five seconds to be tried again. A stop does not let it wait that long, so the drain records
// it before its deadline instead of leaving it to be sent again after the restart.
TEST_F(DispatcherOnAFailingDisk, AStopTriesAHeldRecordAgainAtOnce) {
    write([](store::Transaction& tx) { store::enqueue_outbound(tx, {Channel::sms, "+84900000001", "xin chao", {}}, 0); });
    vfs.fail_writes(SQLITE_FULL);
    auto& gateway = start();
    ASSERT_TRUE(wait_for([&] { return gateway.texts().size() == 1 && vfs.failed_writes() > 0; }));
    vfs.fail_writes(0);
    EXPECT_EQ(stop_dispatcher().wait_for(3s), std::future_status::ready);
    EXPECT_EQ(pending(), 0);
}

}  // namespace
}  // namespace motcua::bot
