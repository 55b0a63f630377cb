#pragma once
// Copies committed pages from the WAL back into the database file on a thread of its own, so
// that the writer's commits, and the webhooks waiting for them, do not wait for the copy.
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

struct sqlite3;

namespace motcua::store {

class Checkpointer {
public:
    // Opens a connection of its own to the file. Throws StoreError.
    explicit Checkpointer(const std::string& path);
    ~Checkpointer();
    Checkpointer(const Checkpointer&) = delete;
    Checkpointer& operator=(const Checkpointer&) = delete;

    // Becomes the WAL hook of the writer's connection, in place of SQLite's checkpoint on commit.
    void watch(sqlite3* writer);

private:
    static int after_commit(void* self, sqlite3* db, const char* schema, int pages);
    void loop();

    sqlite3* db_;
    int passive_pages_ = 0;  // set by watch(), before the hook can run
    int restart_pages_ = 0;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool requested_ = false;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace motcua::store
