#include "store/wal_syncer.hpp"

#include <fcntl.h>
#include <pthread.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>

#include "store/session.hpp"

namespace motcua::store {
namespace {

std::string failed(const std::string& what) { return what + ": " + std::strerror(errno); }

// The WAL file, opened once: the writer's connection keeps it open, so it is never deleted while
// the writer lives, and the checkpoint's truncation keeps its inode.
class WalFile {
public:
    explicit WalFile(std::string path) : path_(std::move(path)) {}
    ~WalFile() {
        if (fd_ >= 0) ::close(fd_);
    }
    WalFile(const WalFile&) = delete;
    WalFile& operator=(const WalFile&) = delete;

    void sync() {
        if (fd_ < 0) open();
        int rc;
        do rc = ::fdatasync(fd_);
        while (rc != 0 && errno == EINTR);
        if (rc != 0) throw StoreError(failed("syncing the WAL '" + path_ + "'"), SQLITE_IOERR_FSYNC);
    }

private:
    void open() {
        const int fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) throw StoreError(failed("opening the WAL '" + path_ + "' to sync it"), SQLITE_CANTOPEN);
        // SQLite syncs the directory of a WAL it created at its own first sync of it, which with
        // synchronous=NORMAL comes only at a checkpoint: until then the file's name is not on disk.
        const auto directory = std::filesystem::path(path_).parent_path();
        const int dir = ::open(directory.empty() ? "." : directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        const bool synced = dir >= 0 && ::fsync(dir) == 0;
        const auto error = failed("syncing the directory of '" + path_ + "'");
        if (dir >= 0) ::close(dir);
        if (!synced) {
            ::close(fd);
            throw StoreError(error, SQLITE_IOERR_DIR_FSYNC);
        }
        fd_ = fd;
    }

    std::string path_;
    int fd_ = -1;
};

}  // namespace

WalSyncer::Sync WalSyncer::wal_of(sqlite3* db) {
    const char* database = sqlite3_db_filename(db, "main");
    const char* wal = database && *database ? sqlite3_filename_wal(database) : nullptr;
    if (!wal || !*wal) throw StoreError("the database has no WAL file to sync");
    auto file = std::make_shared<WalFile>(wal);
    return [file] { file->sync(); };
}

WalSyncer::WalSyncer(Sync sync) : sync_(std::move(sync)) {
    if (!sync_) throw StoreError("the WAL syncer needs a way to sync");
    thread_ = std::thread([this] { loop(); });
    thread_id_ = thread_.get_id();
    pthread_setname_np(thread_.native_handle(), "motcua-walsync");
}

WalSyncer::~WalSyncer() { stop(); }

void WalSyncer::begin_commit() { begun_.fetch_add(1); }

void WalSyncer::hand_over(bool wrote, Report report) {
    std::lock_guard lock(mutex_);
    handed_.push_back({begun_.load(), wrote, std::move(report)});
    wake_.notify_one();
}

void WalSyncer::finish() {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    wake_.notify_one();
}

void WalSyncer::stop() {
    finish();
    std::lock_guard join_lock(join_mutex_);
    if (thread_.joinable() && !on_syncing_thread()) thread_.join();
}

std::optional<std::string> WalSyncer::failure() {
    std::lock_guard lock(mutex_);
    return failure_;
}

void WalSyncer::when_durable(std::uint64_t fence, Then then) {
    bool durable = false;
    {
        std::lock_guard lock(mutex_);
        if (!failure_) {
            // After a stop nothing more becomes durable; what already is, still is.
            durable = fence <= durable_;
            if (!durable && !stopping_) {
                waiters_.push_back({fence, std::move(then)});
                return;
            }
        }
    }
    then(durable);
}

void WalSyncer::tell(std::vector<Then> waiting, bool durable) {
    for (auto& then : waiting) {
        try {
            then(durable);
        } catch (...) {
            // As a report: nobody to tell, and the others must still hear.
        }
    }
}

void WalSyncer::loop() {
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return stopping_ || !handed_.empty(); });
        if (handed_.empty()) {
            // Stopping: what is still awaited was never handed over.
            auto never = take_waiters();
            lock.unlock();
            tell(std::move(never), false);
            return;
        }
        // One sync serves every batch committed while the previous sync ran.
        std::deque<Batch> batches;
        batches.swap(handed_);
        bool wrote = false;
        for (const auto& batch : batches) wrote = wrote || batch.wrote;
        const auto commits = batches.back().commits;
        auto error = failure_;
        lock.unlock();
        if (!error) error = sync_if(wrote);
        lock.lock();
        std::vector<Then> told;
        if (error) {
            // Not tried again: after a failed fdatasync the kernel may have marked the pages
            // clean without writing them, so a later sync that succeeds proves nothing about
            // them. Only SQLite's recovery at the next start knows what the disk holds. Set
            // before the reports, so that whoever hears of the failure finds the store refusing.
            if (!failure_)
                failure_ = "a sync of the WAL failed (" + *error + "); the store takes no more writes until motcua is restarted";
            told = take_waiters();
        } else {
            told = advance_to(commits);
        }
        lock.unlock();
        for (auto& batch : batches) {
            try {
                batch.report(error);
            } catch (...) {
                // A report has nobody to tell; the syncer must go on for the others.
            }
        }
        tell(std::move(told), !error);
        lock.lock();
    }
}

std::optional<std::string> WalSyncer::sync_if(bool needed) {
    if (!needed) return std::nullopt;
    try {
        sync_();
        return std::nullopt;
    } catch (const std::exception& e) {
        return std::string(e.what());
    }
}

std::vector<WalSyncer::Then> WalSyncer::take_waiters() {
    std::vector<Then> waiting;
    for (auto& waiter : waiters_) waiting.push_back(std::move(waiter.then));
    waiters_.clear();
    return waiting;
}

std::vector<WalSyncer::Then> WalSyncer::advance_to(std::uint64_t commits) {
    durable_ = std::max(durable_, commits);
    std::vector<Then> ready;
    std::erase_if(waiters_, [&](Waiter& waiter) {
        if (waiter.fence > durable_) return false;
        ready.push_back(std::move(waiter.then));
        return true;
    });
    return ready;
}

}  // namespace motcua::store
