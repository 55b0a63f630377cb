#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <future>
#include <mutex>
#include <thread>

#include "store/settings.hpp"
#include "store/sqlite_writer.hpp"
#include "store/statement.hpp"
#include "store_fixture.hpp"

namespace motcua::store {
namespace {

// Collects the outcome of submitted jobs; wait() returns once `expected` of them reported.
class Outcomes {
public:
    explicit Outcomes(std::size_t expected) : expected_(expected) {}

    Writer::Done done_for(std::size_t index) {
        return [this, index](bool committed, const std::string& error) {
            std::lock_guard lock(mutex_);
            results_[index] = {committed, error};
            if (results_.size() == expected_) all_.notify_all();
        };
    }
    std::map<std::size_t, std::pair<bool, std::string>> wait() {
        std::unique_lock lock(mutex_);
        all_.wait(lock, [this] { return results_.size() == expected_; });
        return results_;
    }

private:
    std::size_t expected_;
    std::mutex mutex_;
    std::condition_variable all_;
    std::map<std::size_t, std::pair<bool, std::string>> results_;
};

// Holds the writer thread inside a job until released, so that later jobs pile up in the queue
// and are taken together. It also counts the commits of the writer's connection.
class Blocker {
public:
    explicit Blocker(Writer& writer) : writer_(writer) {
        writer.submit(
            [this](Transaction& tx) {
                sqlite3_commit_hook(tx.handle(), &Blocker::on_commit, &commits);
                entered_.set_value();
                release_.get_future().wait();
            },
            [this](bool, const std::string&) { finished_.set_value(); });
        entered_.get_future().wait();
    }
    ~Blocker() {
        if (!released_) release();
        finished_.get_future().wait();
        try {
            writer_.run([](Transaction& tx) { sqlite3_commit_hook(tx.handle(), nullptr, nullptr); });
        } catch (const StoreError&) {
            // A stopped writer commits nothing more, so the hook can stay.
        }
    }
    void release() {
        released_ = true;
        release_.set_value();
    }

    std::atomic<int> commits{0};

private:
    static int on_commit(void* counter) {
        ++*static_cast<std::atomic<int>*>(counter);
        return 0;
    }
    Writer& writer_;
    bool released_ = false;
    std::promise<void> entered_, release_, finished_;
};

class WriterTest : public testing::StoreTest {
protected:
    std::optional<std::string> setting(const std::string& key) {
        return read([&](Session& s) { return load_setting(s, key); });
    }
};

TEST_F(WriterTest, JobsFromManyThreadsAllCommit) {
    constexpr std::size_t threads = 8, per_thread = 150;
    Outcomes outcomes(threads * per_thread);
    std::vector<std::thread> submitters;
    for (std::size_t t = 0; t < threads; ++t)
        submitters.emplace_back([&, t] {
            for (std::size_t i = 0; i < per_thread; ++i) {
                const auto key = std::to_string(t) + "." + std::to_string(i);
                db->writer().submit([key](Transaction& tx) { save_setting(tx, key, "v"); },
                                    outcomes.done_for(t * per_thread + i));
            }
        });
    for (auto& t : submitters) t.join();
    for (const auto& [index, result] : outcomes.wait()) EXPECT_TRUE(result.first) << index << result.second;
    EXPECT_EQ(read([](Session& s) { return s.prepare("SELECT count(*) FROM settings").single_int64(); }),
              static_cast<std::int64_t>(threads * per_thread));
}

TEST_F(WriterTest, QueuedJobsShareOneCommitUpToTheBatchCap) {
    Blocker blocker(db->writer());
    const std::size_t jobs = SqliteWriter::max_batch + 88;
    Outcomes outcomes(jobs);
    for (std::size_t i = 0; i < jobs; ++i)
        db->writer().submit([i](Transaction& tx) { save_setting(tx, std::to_string(i), "v"); }, outcomes.done_for(i));
    blocker.release();
    for (const auto& [index, result] : outcomes.wait()) EXPECT_TRUE(result.first) << index;
    // The blocker's own batch, then one full batch and the rest.
    EXPECT_EQ(blocker.commits.load(), 3);
}

TEST_F(WriterTest, ThrowingJobFailsAloneWhileItsNeighboursCommit) {
    Blocker blocker(db->writer());
    Outcomes outcomes(4);
    auto& writer = db->writer();
    writer.submit([](Transaction& tx) { save_setting(tx, "a", "1"); }, outcomes.done_for(0));
    writer.submit(
        [](Transaction& tx) {
            save_setting(tx, "b", "1");
            throw std::runtime_error("dialog exploded");
        },
        outcomes.done_for(1));
    writer.submit([](Transaction& tx) { tx.exec("INSERT INTO settings (key, value) VALUES ('a', 'dup')"); },
                  outcomes.done_for(2));
    writer.submit([](Transaction& tx) { save_setting(tx, "c", "1"); }, outcomes.done_for(3));
    blocker.release();
    const auto results = outcomes.wait();
    EXPECT_TRUE(results.at(0).first);
    EXPECT_FALSE(results.at(1).first);
    EXPECT_EQ(results.at(1).second, "dialog exploded");
    EXPECT_FALSE(results.at(2).first);
    EXPECT_NE(results.at(2).second.find("UNIQUE constraint failed"), std::string::npos) << results.at(2).second;
    EXPECT_TRUE(results.at(3).first);
    EXPECT_EQ(blocker.commits.load(), 2);  // all four shared one transaction
    EXPECT_EQ(setting("a"), "1");
    EXPECT_EQ(setting("b"), std::nullopt);
    EXPECT_EQ(setting("c"), "1");
}

TEST_F(WriterTest, FailedCommitFailsTheWholeBatchAndLeavesNoOpenTransaction) {
    Blocker blocker(db->writer());
    Outcomes outcomes(2);
    db->writer().submit([](Transaction& tx) { save_setting(tx, "neighbour", "1"); }, outcomes.done_for(0));
    // A deferred foreign key is checked only by COMMIT, and a COMMIT refused for it leaves the
    // transaction open: the case where a writer that does not roll back stays stuck for good.
    db->writer().submit(
        [](Transaction& tx) {
            tx.exec("PRAGMA defer_foreign_keys = ON");
            tx.exec("INSERT INTO inbound (channel, external_id, contact, kind, received_at, message_log_id)"
                    " VALUES ('sms', 'SM1', '+84900000001', 'text', 0, 999)");
        },
        outcomes.done_for(1));
    blocker.release();
    for (const auto& [index, result] : outcomes.wait()) {
        EXPECT_FALSE(result.first) << index;
        EXPECT_NE(result.second.find("FOREIGN KEY constraint failed"), std::string::npos) << result.second;
    }
    write([](Transaction& tx) { save_setting(tx, "after", "1"); });
    EXPECT_EQ(setting("neighbour"), std::nullopt);
    EXPECT_EQ(setting("after"), "1");
}

TEST_F(WriterTest, RunThrowsWhenTheJobFails) {
    EXPECT_THROW(write([](Transaction&) { throw std::logic_error("no"); }), StoreError);
    EXPECT_THROW(write([](Transaction&) { throw 42; }), StoreError);
    write([](Transaction& tx) { save_setting(tx, "after", "ok"); });
    EXPECT_EQ(setting("after"), "ok");
}

TEST_F(WriterTest, RunFromTheWriterThreadIsRefusedNotADeadlock) {
    std::promise<std::string> refused;
    auto& writer = db->writer();
    writer.submit([](Transaction&) {},
                  [&](bool, const std::string&) {
                      try {
                          writer.run([](Transaction&) {});
                          refused.set_value("");
                      } catch (const StoreError& e) {
                          refused.set_value(e.what());
                      }
                  });
    EXPECT_NE(refused.get_future().get(), "");
}

TEST_F(WriterTest, ThrowingDoneDoesNotStopTheWriter) {
    db->writer().submit([](Transaction&) {}, [](bool, const std::string&) { throw std::runtime_error("x"); });
    write([](Transaction& tx) { save_setting(tx, "alive", "yes"); });
    EXPECT_EQ(setting("alive"), "yes");
}

TEST_F(WriterTest, EmptyJobIsReportedAsFailed) {
    Outcomes outcomes(1);
    db->writer().submit(nullptr, outcomes.done_for(0));
    EXPECT_FALSE(outcomes.wait().at(0).first);
}

TEST_F(WriterTest, StopDrainsTheQueueThenRefusesJobs) {
    auto& writer = db->writer();
    {
        Blocker blocker(writer);
        Outcomes outcomes(50);
        for (std::size_t i = 0; i < 50; ++i)
            writer.submit([i](Transaction& tx) { save_setting(tx, std::to_string(i), "v"); }, outcomes.done_for(i));
        std::thread stopper([&] { writer.stop(); });
        blocker.release();
        stopper.join();
        for (const auto& [index, result] : outcomes.wait()) EXPECT_TRUE(result.first) << index;
    }
    bool reported = false;
    writer.submit([](Transaction& tx) { save_setting(tx, "late", "v"); },
                  [&](bool committed, const std::string& error) {
                      reported = true;
                      EXPECT_FALSE(committed);
                      EXPECT_EQ(error, "store stopped");
                  });
    EXPECT_TRUE(reported);  // at once, on this thread
    EXPECT_THROW(write([](Transaction&) {}), StoreError);
    EXPECT_FALSE(testing::healthy(*db));
    EXPECT_EQ(setting("49"), "v");
    EXPECT_EQ(setting("late"), std::nullopt);
    writer.stop();  // twice is harmless
}

TEST_F(WriterTest, CommittedDataSurvivesReopening) {
    write([](Transaction& tx) { save_setting(tx, "k", "durable"); });
    reopen();
    EXPECT_EQ(setting("k"), "durable");
    EXPECT_TRUE(testing::healthy(*db));
}

TEST_F(WriterTest, ReadersSeeTheLastCommitWhileTheWriterIsBusy) {
    write([](Transaction& tx) { save_setting(tx, "k", "1"); });
    Blocker blocker(db->writer());
    // The writer holds an open transaction; readers are not blocked behind it.
    EXPECT_EQ(setting("k"), "1");
    std::vector<std::thread> readers;
    std::atomic<int> seen{0};
    for (int i = 0; i < 8; ++i)
        readers.emplace_back([&] {
            if (setting("k") == "1") ++seen;
        });
    for (auto& t : readers) t.join();
    EXPECT_EQ(seen.load(), 8);
    blocker.release();
}

}  // namespace
}  // namespace motcua::store
