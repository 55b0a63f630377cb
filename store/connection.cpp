#include "store/connection.hpp"

#include <sqlite3.h>

#include "store/sqlite_error.hpp"
#include "store/statement.hpp"

namespace motcua::store {
namespace {

// How long a connection waits for a lock held by another process (a backup, the sqlite3
// shell) before failing: long enough for a checkpoint, short enough for a webhook's timeout.
constexpr int busy_timeout_ms = 5000;

void configure(sqlite3* db, const std::string& path, Access access) {
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, busy_timeout_ms);
    Session session(db, false);
    session.exec("PRAGMA foreign_keys = ON");
    if (access == Access::read) return;
    // SQLite quietly opens a file it may not write read-only; the writer would then fail on
    // every commit, so say so now.
    if (sqlite3_db_readonly(db, "main") == 1)
        throw StoreError("opening database '" + path + "': the file is read-only", SQLITE_READONLY);
    // FULL: WAL with NORMAL may lose the last commits on power loss, and a commit is what a
    // webhook's acknowledgement promises.
    session.exec("PRAGMA synchronous = FULL");
    const auto journal = session.prepare("PRAGMA journal_mode = WAL").first_text().value_or("");
    if (journal != "wal")
        throw StoreError("opening database '" + path + "': cannot use WAL journal mode (got '" +
                         journal + "')");
}

}  // namespace

sqlite3* open_connection(const std::string& path, Access access) {
    if (path.empty()) throw StoreError("opening database: no file name given");
    const int flags = SQLITE_OPEN_NOMUTEX | (access == Access::write
                                                 ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
                                                 : SQLITE_OPEN_READONLY);
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    try {
        if (rc != SQLITE_OK) throw sqlite_error(db, rc, "opening database '" + path + "'");
        configure(db, path, access);
    } catch (...) {
        sqlite3_close_v2(db);
        throw;
    }
    return db;
}

}  // namespace motcua::store
