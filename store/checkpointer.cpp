#include "store/checkpointer.hpp"

#include <sqlite3.h>

#include "store/connection.hpp"

namespace motcua::store {
namespace {

// SQLite's own autocheckpoint threshold: past it, the pages are copied in the background.
constexpr int wal_passive_pages = 1000;
// Past this many WAL pages (64 MiB with 4 KiB pages) the writer itself waits for the readers of
// the moment to finish, so that its next commit starts the WAL from the beginning. Under
// constant reads a passive checkpoint never gets that chance, and the WAL and its shared-memory
// index would grow without bound. The background copies leave little for this one to copy.
constexpr int wal_restart_pages = 16384;

}  // namespace

Checkpointer::Checkpointer(const std::string& path) : db_(open_connection(path, Access::write)) {
    thread_ = std::thread([this] { loop(); });
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

void Checkpointer::watch(sqlite3* writer) { sqlite3_wal_hook(writer, &Checkpointer::after_commit, this); }

int Checkpointer::after_commit(void* self, sqlite3* db, const char* schema, int pages) {
    auto& checkpointer = *static_cast<Checkpointer*>(self);
    if (pages >= wal_restart_pages) {
        // A checkpoint that cannot finish now is tried again after a later commit.
        sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_RESTART, nullptr, nullptr);
    } else if (pages >= wal_passive_pages) {
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
