#include "store/connection.hpp"

#include <sqlite3.h>

#include <mutex>

#include "store/sqlite_error.hpp"
#include "store/statement.hpp"

namespace motcua::store {
namespace {

// How long a connection waits for a lock held by another process (a backup, the sqlite3
// shell) before failing: long enough for a checkpoint, short enough for a webhook's timeout.
constexpr int busy_timeout_ms = 5000;

// After a checkpoint restarts the WAL, the file is cut back to this size: a burst does not
// leave a WAL of gigabytes behind (see store/checkpointer.cpp).
constexpr const char* wal_size_limit = "PRAGMA journal_size_limit = 67108864";


// Page caches: the writer's holds the pages every message touches (the tails of the log and
// outbox indexes, the conversations of the hour); readers only look things up. Together they
// stay well inside the 64 MiB the whole process is allowed.
constexpr const char* writer_cache = "PRAGMA cache_size = -16384";  // KiB
constexpr const char* reader_cache = "PRAGMA cache_size = -4096";

// SQLite counts every allocation under one process-wide mutex unless told not to; with the
// writer and the readers allocating at once, that mutex was a tenth of the writer's time.
void configure_library() {
    static std::once_flag once;
    std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

void configure(sqlite3* db, const std::string& path, Access access) {
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, busy_timeout_ms);
    Session session(db, false);
    session.exec("PRAGMA foreign_keys = ON");
    if (access == Access::read) {
        session.exec(reader_cache);
        return;
    }
    session.exec(writer_cache);
    // SQLite quietly opens a file it may not write read-only; the writer would then fail on
    // every commit, so say so now.
    if (sqlite3_db_readonly(db, "main") == 1)
        throw StoreError("opening database '" + path + "': the file is read-only", SQLITE_READONLY);
    // FULL: WAL with NORMAL may lose the last commits on power loss, and a commit is what a
    // webhook's acknowledgement promises.
    session.exec("PRAGMA synchronous = FULL");
    // For a new file only (a database's page size is fixed once it is in WAL mode). Each message
    // changes a few rows in different places of several indexes, and every changed page goes
    // to the WAL and later to the file whole: with 1 KiB pages that is a quarter of the bytes of
    // SQLite's default 4 KiB, and the webhook benchmark ran about 15 % faster.
    session.exec("PRAGMA page_size = 1024");
    const auto journal = session.prepare("PRAGMA journal_mode = WAL").first_text().value_or("");
    if (journal != "wal")
        throw StoreError("opening database '" + path + "': cannot use WAL journal mode (got '" +
                         journal + "')");
    session.prepare(wal_size_limit).first_text();
}

}  // namespace

sqlite3* open_connection(const std::string& path, Access access) {
    if (path.empty()) throw StoreError("opening database: no file name given");
    configure_library();
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
