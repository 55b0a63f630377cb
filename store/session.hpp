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
// sqlite_code is SQLite's extended result code, or 0 when the failure did not come from SQLite.
struct StoreError : std::runtime_error {
    explicit StoreError(const std::string& what, int sqlite_code = 0)
        : std::runtime_error(what), sqlite_code(sqlite_code) {}
    // The store could not do the work (locked, full, read-only, an I/O error), as opposed to
    // refusing what it was asked (a constraint) or finding its data wrong: the same work can
    // succeed once the store recovers.
    bool store_unusable() const;
    int sqlite_code;
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
    bool in_transaction() const;  // false in autocommit mode, as after a failed COMMIT undid all

    // Ends every statement still between rows, so that this connection holds no read snapshot
    // and no lock it no longer needs. The pool and the writer call it after each use.
    void reset_statements();

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
