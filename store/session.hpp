#pragma once
// One SQLite connection with its prepared statements. Repositories (inbound_log, outbox, ...)
// take a Session to read and a Transaction to write; nothing outside store/ sees SQL.
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>

struct sqlite3;

namespace motcua::store {

// Any failure of the store: a full disk, a locked or read-only file, a corrupt database.
struct StoreError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Statement;

class Session {
public:
    Session(sqlite3* db, bool owns);
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    // A prepared statement for this SQL text, compiled once per connection and reset for reuse.
    Statement& prepare(const char* sql);
    void exec(const char* sql);  // for statements without results or parameters
    sqlite3* handle() const { return db_; }

private:
    struct Cache;
    sqlite3* db_;
    bool owns_;
    std::unique_ptr<Cache> cache_;
};

// A Session inside the writer's open transaction: only the writer thread creates these.
class Transaction : public Session {
public:
    using Session::Session;
};

}  // namespace motcua::store
