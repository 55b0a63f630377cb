#pragma once
// The Writer of a SQLite database: one thread, one connection, group commit.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "store/writer.hpp"

namespace motcua::store {

class SqliteWriter final : public Writer {
public:
    // Enough jobs to share one sync, few enough that the first of them is not kept waiting.
    static constexpr std::size_t max_batch = 512;

    // Takes the connection, already migrated, and starts the thread.
    explicit SqliteWriter(std::unique_ptr<Transaction> connection);
    ~SqliteWriter() override;

    void submit(Job job, Done done) override;
    void run(Job job) override;  // also throws StoreError when called on the writer thread
    void stop() override;

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
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Pending> queue_;
    bool stopping_ = false;
    std::mutex join_mutex_;
    std::thread thread_;
    std::thread::id thread_id_;  // kept apart from thread_, which join() changes
};

}  // namespace motcua::store
