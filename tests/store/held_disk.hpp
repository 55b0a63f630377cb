#pragma once
// Stands in for the disk's sync (Database::open's sync): a test can hold the disk, so that
// commits are made but not yet durable, or make syncs fail; syncs are counted.
#include <chrono>
#include <condition_variable>
#include <mutex>

#include "store/session.hpp"
#include "store/wal_syncer.hpp"

namespace motcua::store::testing {

class HeldDisk {
public:
    // Let go before the database that uses it is closed, which syncs what is left.
    WalSyncer::Sync sync() {
        return [this] {
            std::unique_lock lock(mutex_);
            ++syncs_;
            changed_.notify_all();
            changed_.wait(lock, [this] { return !held_; });
            if (failing_) throw StoreError("the disk failed (test)", 10);  // SQLITE_IOERR
        };
    }

    void hold() { set(held_, true); }
    void let_go() { set(held_, false); }
    void fail(bool failing) { set(failing_, failing); }

    int syncs() {
        std::lock_guard lock(mutex_);
        return syncs_;
    }
    // Whether at least `count` syncs have begun within a few seconds.
    bool wait_for_syncs(int count) {
        std::unique_lock lock(mutex_);
        return changed_.wait_for(lock, std::chrono::seconds(10), [&] { return syncs_ >= count; });
    }

private:
    void set(bool& flag, bool value) {
        std::lock_guard lock(mutex_);
        flag = value;
        changed_.notify_all();
    }

    std::mutex mutex_;
    std::condition_variable changed_;
    bool held_ = false;
    bool failing_ = false;
    int syncs_ = 0;
};

}  // namespace motcua::store::testing
