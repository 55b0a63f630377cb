#include "store/wal_syncer.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <future>

#include "held_disk.hpp"
#include "store/settings.hpp"
#include "store/statement.hpp"
#include "store_fixture.hpp"

namespace motcua::store {
namespace {

using namespace std::chrono_literals;
using testing::HeldDisk;

// The writer's commits become durable on the syncer's thread; nobody hears of one before.
class Durability : public ::testing::Test {
protected:
    void TearDown() override {
        disk.let_go();
        db.reset();
    }

    std::future<std::pair<bool, std::string>> save(const std::string& key) {
        auto outcome = std::make_shared<std::promise<std::pair<bool, std::string>>>();
        db->writer().submit([key](Transaction& tx) { save_setting(tx, key, "v"); },
                            [outcome](bool committed, const std::string& error) { outcome->set_value({committed, error}); });
        return outcome->get_future();
    }

    bool visible(const std::string& key) {
        return eventually_true([&] {
            std::optional<std::string> value;
            db->read([&](Session& s) { value = load_setting(s, key); });
            return value.has_value();
        });
    }

    // What when_durable told, so far, of the current fence.
    enum class Told { nothing, durable, never };
    std::shared_ptr<std::atomic<Told>> act_when_durable() {
        auto told = std::make_shared<std::atomic<Told>>(Told::nothing);
        db->writer().when_durable(db->writer().fence(),
                                  [told](bool durable) { *told = durable ? Told::durable : Told::never; });
        return told;
    }
    static bool eventually_told(const std::atomic<Told>& told, Told expected) {
        return eventually_true([&] { return told.load() == expected; });
    }
    static bool eventually_true(const std::function<bool()>& condition, std::chrono::milliseconds patience = 10s) {
        for (auto deadline = std::chrono::steady_clock::now() + patience; std::chrono::steady_clock::now() < deadline;) {
            if (condition()) return true;
            std::this_thread::sleep_for(2ms);
        }
        return condition();
    }

    HeldDisk disk;  // outlives the database, whose syncer calls it
    testing::TempDir dir;
    std::unique_ptr<Database> db = Database::open(dir.file("motcua.db"), Database::Commits::synced_aside, disk.sync());
};

TEST_F(Durability, AJobHearsOfItsCommitOnlyOnceTheCommitIsOnDisk) {
    EXPECT_EQ(act_when_durable()->load(), Told::durable);  // nothing committed yet: at once, on this thread
    disk.hold();
    auto outcome = save("k");
    ASSERT_TRUE(disk.wait_for_syncs(1));
    ASSERT_TRUE(visible("k"));  // readers see the commit already
    const auto acted = act_when_durable();
    EXPECT_EQ(outcome.wait_for(100ms), std::future_status::timeout);
    EXPECT_EQ(acted->load(), Told::nothing);

    disk.let_go();
    EXPECT_EQ(outcome.get(), std::make_pair(true, std::string()));
    EXPECT_TRUE(eventually_told(*acted, Told::durable));
}

TEST_F(Durability, TheWriterCommitsWithoutWaitingForTheDisk) {
    std::int64_t synchronous = -1;
    db->writer().run([&](Transaction& tx) { synchronous = tx.prepare("PRAGMA synchronous").single_int64(); });
    EXPECT_EQ(synchronous, 1);  // NORMAL: the syncer waits instead
}

TEST_F(Durability, OneSyncServesEveryBatchCommittedDuringThePreviousOne) {
    disk.hold();
    auto first = save("first");
    ASSERT_TRUE(disk.wait_for_syncs(1));
    std::vector<std::future<std::pair<bool, std::string>>> later;
    for (const auto* key : {"a", "b", "c"}) {
        later.push_back(save(key));
        ASSERT_TRUE(visible(key));  // each its own commit: the writer does not wait for the disk
    }
    // Once the writer is inside the next job, the batches before it have been handed over.
    auto entered = std::make_shared<std::promise<void>>();
    auto release = std::make_shared<std::promise<void>>();
    db->writer().submit([entered, held = release->get_future().share()](Transaction&) {
        entered->set_value();
        held.wait();
    }, nullptr);
    entered->get_future().wait();
    EXPECT_EQ(disk.syncs(), 1);
    disk.let_go();
    EXPECT_TRUE(first.get().first);
    for (auto& outcome : later) EXPECT_TRUE(outcome.get().first);
    EXPECT_EQ(disk.syncs(), 2);
    release->set_value();
}

TEST_F(Durability, AFailedSyncStopsTheWritesUntilARestart) {
    disk.fail(true);
    const auto [committed, error] = save("k").get();
    EXPECT_FALSE(committed);
    EXPECT_NE(error.find("may not be on disk"), std::string::npos) << error;
    EXPECT_NE(error.find("the disk failed"), std::string::npos) << error;
    EXPECT_EQ(act_when_durable()->load(), Told::never);  // at once: nothing is told durable again
    bool old_commit_durable = true;
    db->writer().when_durable(0, [&](bool durable) { old_commit_durable = durable; });
    EXPECT_FALSE(old_commit_durable);  // not even what was before: nobody acts on the store now

    // A sync that succeeds later would prove nothing (the kernel may have dropped the pages
    // whose writing failed): no further write is made, nor reported durable.
    disk.fail(false);
    const auto [later_committed, later_error] = save("after").get();
    EXPECT_FALSE(later_committed);
    EXPECT_NE(later_error.find("until motcua is restarted"), std::string::npos) << later_error;
    EXPECT_FALSE(testing::healthy(*db));
    std::optional<std::string> after;
    db->read([&](Session& s) { after = load_setting(s, "after"); });
    EXPECT_EQ(after, std::nullopt);

    db.reset();
    db = Database::open(dir.file("motcua.db"), Database::Commits::synced_aside, disk.sync());
    EXPECT_TRUE(save("after").get().first);
    EXPECT_TRUE(testing::healthy(*db));
}

// Whoever waits to act on a commit hears that it will never be known on disk, and can let go: the
// outbox's sends waiting for it would otherwise hold a stop up to its deadline.
TEST_F(Durability, AWaiterHearsWhenTheSyncOfItsCommitFailed) {
    disk.hold();
    auto outcome = save("k");
    ASSERT_TRUE(disk.wait_for_syncs(1));
    const auto told = act_when_durable();
    disk.fail(true);
    disk.let_go();
    EXPECT_FALSE(outcome.get().first);
    EXPECT_TRUE(eventually_told(*told, Told::never));
}

TEST_F(Durability, AStopFromAJobStillReportsEveryJob) {
    auto& writer = db->writer();
    auto outcome = std::make_shared<std::promise<bool>>();
    writer.submit([&writer](Transaction& tx) {
        save_setting(tx, "k", "v");
        writer.stop();  // cannot wait for its own thread
    }, [outcome](bool committed, const std::string&) { outcome->set_value(committed); });
    auto heard = outcome->get_future();
    ASSERT_EQ(heard.wait_for(10s), std::future_status::ready);
    EXPECT_TRUE(heard.get());
}

TEST_F(Durability, JobsHearInTheOrderSubmittedWhetherTheirBatchCommittedOrNot) {
    struct Heard {
        std::mutex mutex;
        std::vector<int> order;
    };
    auto heard = std::make_shared<Heard>();  // the reports may outlive a failed test's body
    const auto hear = [heard](int index) {
        return [heard, index](bool, const std::string&) {
            std::lock_guard lock(heard->mutex);
            heard->order.push_back(index);
        };
    };
    disk.hold();
    db->writer().submit([](Transaction& tx) { save_setting(tx, "x", "1"); }, hear(1));
    ASSERT_TRUE(disk.wait_for_syncs(1));
    // A batch whose commit fails (a deferred foreign key, checked by COMMIT) hears nothing before
    // the batch ahead of it, still syncing; nor does the batch after it.
    db->writer().submit(
        [](Transaction& tx) {
            tx.exec("PRAGMA defer_foreign_keys = ON");
            tx.exec("INSERT INTO inbound (channel, external_id, contact, kind, received_at, message_log_id)"
                    " VALUES ('sms', 'SM1', '+84900000001', 'text', 0, 999)");
        },
        hear(2));
    ASSERT_TRUE(eventually_true([&] { return db->writer().fence() == 2; }));  // its COMMIT was tried
    db->writer().submit([](Transaction& tx) { save_setting(tx, "y", "1"); }, hear(3));
    ASSERT_TRUE(visible("y"));
    {
        std::lock_guard lock(heard->mutex);
        EXPECT_TRUE(heard->order.empty());
    }
    disk.let_go();
    db->writer().run([](Transaction&) {});
    std::lock_guard lock(heard->mutex);
    EXPECT_EQ(heard->order, (std::vector<int>{1, 2, 3}));
}

TEST(WalSyncerOfAConnection, NeedsAWalFile) {
    sqlite3* memory = nullptr;
    ASSERT_EQ(sqlite3_open(":memory:", &memory), SQLITE_OK);
    EXPECT_THROW(WalSyncer::wal_of(memory), StoreError);
    sqlite3_close(memory);
}

TEST(WalSyncerOfAConnection, SaysWhichFileItCouldNotOpen) {
    testing::TempDir dir;
    sqlite3* db = nullptr;
    const auto path = dir.file("never-written.db");
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);  // no WAL file yet
    const auto sync = WalSyncer::wal_of(db);
    try {
        sync();
        ADD_FAILURE() << "synced a WAL that does not exist";
    } catch (const StoreError& e) {
        EXPECT_NE(std::string(e.what()).find("never-written.db-wal"), std::string::npos) << e.what();
        EXPECT_TRUE(e.store_unusable());
    }
    sqlite3_close(db);
}

}  // namespace
}  // namespace motcua::store
