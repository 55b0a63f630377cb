#pragma once
// Copies committed pages from the WAL back into the database file on a thread of its own, so
// that the writer's commits, and the webhooks waiting for them, do not wait for the copy.
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

struct sqlite3;

namespace motcua::store {

struct CheckpointThresholds {
    // The background copy is asked for each time the WAL has grown by this much: a page
    // changed by many commits in between is copied once, and the copy's two syncs, which
    // hold up the commits' own sync, come once per step rather than once per commit.
    std::int64_t step_bytes = 1 << 20;
    // Past this much WAL the writer itself waits for the readers of the moment to finish, so
    // that its next commit starts the WAL from the beginning. Under constant reads a passive
    // checkpoint never gets that chance, and the WAL and its shared-memory index would grow
    // without bound. The background copies leave little for this one to copy.
    std::int64_t restart_bytes = 64 << 20;
};

class Checkpointer {
public:
    // Opens a connection of its own to the file. Throws StoreError.
    explicit Checkpointer(const std::string& path, CheckpointThresholds thresholds = {});
    ~Checkpointer();
    Checkpointer(const Checkpointer&) = delete;
    Checkpointer& operator=(const Checkpointer&) = delete;

    // Becomes the WAL hook of the writer's connection, in place of SQLite's checkpoint on commit.
    void watch(sqlite3* writer);

private:
    static int after_commit(void* self, sqlite3* db, const char* schema, int pages);
    void loop();

    sqlite3* db_;
    const CheckpointThresholds thresholds_;
    int step_pages_ = 0;  // set by watch(), before the hook can run
    int restart_pages_ = 0;
    int requested_at_ = 0;  // the WAL's size in pages at the last request; the writer's hook alone uses it
    std::mutex mutex_;
    std::condition_variable wake_;
    bool requested_ = false;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace motcua::store
