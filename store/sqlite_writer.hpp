#pragma once
// The Writer of a SQLite database: one thread, one connection, group commit; a second thread
// (WalSyncer) makes the commits durable while the writer goes on with the next batch.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "store/wal_syncer.hpp"
#include "store/writer.hpp"

namespace motcua::store {

class SqliteWriter final : public Writer {
public:
    // Enough jobs to share one sync, few enough that the first of them is not kept waiting.
    static constexpr std::size_t max_batch = 512;

    // Takes the connection, already migrated, and starts the threads. sync makes what the
    // connection committed durable (see Database::Commits).
    SqliteWriter(std::unique_ptr<Transaction> connection, WalSyncer::Sync sync);
    ~SqliteWriter() override;

    void submit(Job job, Done done) override;
    void run(Job job) override;  // also throws StoreError when called on the writer or syncing thread
    void stop() override;
    std::uint64_t fence() const override { return syncer_->fence(); }
    void when_durable(std::uint64_t fence, std::function<void(bool durable)> then) override {
        syncer_->when_durable(fence, std::move(then));
    }
    bool failed() override { return syncer_->failure().has_value(); }

private:
    struct Pending {
        Job job;
        Done done;
        bool committed = false;
        std::string error;
    };

    void loop();
    void commit_batch(std::vector<Pending>& batch);
    void run_in_savepoint(Pending& pending);
    void abandon_transaction();

    std::unique_ptr<Transaction> tx_;
    std::unique_ptr<WalSyncer> syncer_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Pending> queue_;
    bool stopping_ = false;
    std::mutex join_mutex_;
    std::thread thread_;
    std::thread::id thread_id_;  // kept apart from thread_, which join() changes
};

}  // namespace motcua::store
