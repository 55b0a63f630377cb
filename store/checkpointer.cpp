#include "store/checkpointer.hpp"

#include <pthread.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstdint>

#include "store/connection.hpp"

namespace motcua::store {
namespace {

// Past this much WAL the pages are copied in the background. Larger than SQLite's own 1000
// pages: a page changed by many commits in between is copied once.
constexpr std::int64_t wal_passive_bytes = 4 << 20;
// Past this much WAL the writer itself waits for the readers of the moment to finish, so that
// its next commit starts the WAL from the beginning. Under constant reads a passive checkpoint
// never gets that chance, and the WAL and its shared-memory index would grow without bound.
// The background copies leave little for this one to copy.
constexpr std::int64_t wal_restart_bytes = 64 << 20;

int pages_in(sqlite3* db, std::int64_t bytes) {
    sqlite3_stmt* statement = nullptr;
    std::int64_t page_size = 4096;
    if (sqlite3_prepare_v2(db, "PRAGMA page_size", -1, &statement, nullptr) == SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW)
        page_size = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
    return static_cast<int>(bytes / std::max<std::int64_t>(page_size, 512));
}

}  // namespace

Checkpointer::Checkpointer(const std::string& path) : db_(open_connection(path, Access::write)) {
    thread_ = std::thread([this] { loop(); });
    pthread_setname_np(thread_.native_handle(), "motcua-ckpt");
}

Checkpointer::~Checkpointer() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
    sqlite3_close_v2(db_);
}

void Checkpointer::watch(sqlite3* writer) {
    passive_pages_ = pages_in(writer, wal_passive_bytes);
    restart_pages_ = pages_in(writer, wal_restart_bytes);
    sqlite3_wal_hook(writer, &Checkpointer::after_commit, this);
}

int Checkpointer::after_commit(void* self, sqlite3* db, const char* schema, int pages) {
    auto& checkpointer = *static_cast<Checkpointer*>(self);
    if (pages >= checkpointer.restart_pages_) {
        // A checkpoint that cannot finish now is tried again after a later commit.
        sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_RESTART, nullptr, nullptr);
    } else if (pages >= checkpointer.passive_pages_) {
        std::lock_guard lock(checkpointer.mutex_);
        checkpointer.requested_ = true;
        checkpointer.wake_.notify_one();
    }
    return SQLITE_OK;
}

void Checkpointer::loop() {
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return requested_ || stopping_; });
        if (stopping_) return;
        requested_ = false;
        lock.unlock();
        sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        lock.lock();
    }
}

}  // namespace motcua::store
