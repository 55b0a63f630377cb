#pragma once
// Makes the writer's commits durable on a thread of its own. In the server the writer's
// connection commits with synchronous=NORMAL (Database::Commits::synced_aside): in WAL mode SQLite
// then writes a commit's frames without waiting for the disk. This thread syncs the WAL once for every commit made meanwhile, and only then reports
// their jobs done, so a webhook is still acknowledged only once its message is on disk. The
// writer goes on with its next batch during the sync.
//
// Readers see a commit before it is durable. Whoever acts outside the store on what a read
// showed (the outbox sending a reply) takes fence() right after the read and acts once
// when_durable() says so: a power cut can then never undo a message whose reply went out.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

struct sqlite3;

namespace motcua::store {

class WalSyncer {
public:
    // Makes everything written to the WAL so far durable; throws StoreError when it cannot.
    using Sync = std::function<void()>;
    // Told once the batch's commit is durable (nullopt), or why it may not be.
    using Report = std::function<void(const std::optional<std::string>& sync_error)>;

    // fdatasync of the WAL file of this connection, which must be in WAL mode.
    static Sync wal_of(sqlite3* db);

    explicit WalSyncer(Sync sync);
    ~WalSyncer();
    WalSyncer(const WalSyncer&) = delete;
    WalSyncer& operator=(const WalSyncer&) = delete;

    // Called by the writer just before its COMMIT, which readers may see from then on.
    void begin_commit();
    // Called by the writer after each batch, in order, whether it committed (wrote) or not: report
    // runs on this thread once the batch's writes are durable.
    void hand_over(bool wrote, Report report);
    // Reports what was handed over (syncing it first), then ends the thread; joins it unless
    // called from a report. finish() only asks, for the writer's thread on its way out.
    void stop();
    void finish();
    // Why the store takes no more writes, once a sync failed.
    std::optional<std::string> failure();
    bool on_syncing_thread() const { return std::this_thread::get_id() == thread_id_; }

    // Every commit a read finished before this call could see is at or below the number returned.
    std::uint64_t fence() const { return begun_.load(); }
    // Runs then(true) once every commit up to fence is durable: at once, or later on this thread.
    // Runs then(false), at once or later, once that will never be known: after a failed sync
    // (whatever the fence: nothing is told durable any more) or a stop, so that nobody waits on.
    using Then = std::function<void(bool durable)>;
    void when_durable(std::uint64_t fence, Then then);

private:
    struct Batch {
        std::uint64_t commits;  // begun_ when handed over: this batch's commit and all before it
        bool wrote;
        Report report;
    };
    struct Waiter {
        std::uint64_t fence;
        Then then;
    };

    void loop();
    std::optional<std::string> sync_if(bool needed);
    std::vector<Then> advance_to(std::uint64_t commits);
    std::vector<Then> take_waiters();
    static void tell(std::vector<Then> waiting, bool durable);

    Sync sync_;
    std::atomic<std::uint64_t> begun_{0};
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Batch> handed_;
    std::uint64_t durable_ = 0;
    std::optional<std::string> failure_;
    std::vector<Waiter> waiters_;
    bool stopping_ = false;
    std::mutex join_mutex_;
    std::thread thread_;
    std::thread::id thread_id_;
};

}  // namespace motcua::store
