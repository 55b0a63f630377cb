#include "store/checkpointer.hpp"

#include <sqlite3.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>

#include "store/connection.hpp"

namespace motcua::store {
namespace {

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

Checkpointer::Checkpointer(const std::string& path, CheckpointThresholds thresholds)
    : db_(open_connection(path, Access::write)), thresholds_(thresholds) {
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

void Checkpointer::watch(sqlite3* writer) {
    step_pages_ = pages_in(writer, thresholds_.step_bytes);
    restart_pages_ = pages_in(writer, thresholds_.restart_bytes);
    sqlite3_wal_hook(writer, &Checkpointer::after_commit, this);
}

int Checkpointer::after_commit(void* self, sqlite3* db, const char* schema, int pages) {
    auto& checkpointer = *static_cast<Checkpointer*>(self);
    if (pages >= checkpointer.restart_pages_) {
        // A checkpoint that cannot finish now is tried again after a later commit.
        sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_RESTART, nullptr, nullptr);
        return SQLITE_OK;
    }
    if (pages < checkpointer.requested_at_) checkpointer.requested_at_ = 0;  // the WAL started again
    if (pages - checkpointer.requested_at_ >= checkpointer.step_pages_) {
        checkpointer.requested_at_ = pages;
        std::lock_guard lock(checkpointer.mutex_);
        checkpointer.requested_ = true;
        checkpointer.wake_.notify_one();
    }
    return SQLITE_OK;
}

void Checkpointer::loop() {
    // The copy can always wait, the writer and the webhooks cannot: on a busy machine this thread
    // takes only the CPU they leave, and past the restart threshold the writer copies the rest.
    // Lowering one's own priority needs no privilege; if refused, the thread runs as the others.
    setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 19);
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
