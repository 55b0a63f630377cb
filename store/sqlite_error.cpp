#include "store/sqlite_error.hpp"

#include <sqlite3.h>

#include <string>

namespace motcua::store {

StoreError sqlite_error(sqlite3* db, int rc, std::string_view operation) {
    // sqlite3_errmsg describes the connection's latest error, which is more precise than the
    // generic text of the code (it names the constraint, the missing table, ...), but it is
    // stale when the failing call was not on this connection.
    const int latest = db ? sqlite3_extended_errcode(db) : SQLITE_OK;
    const char* message = db && latest == rc ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    return StoreError(std::string(operation) + ": " + message, rc);
}

std::string describe_sql(std::string_view sql) {
    constexpr std::size_t longest = 80;
    std::string text;
    for (char c : sql) {
        const bool blank = c == '\n' || c == ' ' || c == '\t';
        if (blank && (text.empty() || text.back() == ' ')) continue;
        text.push_back(blank ? ' ' : c);
        if (text.size() == longest) return text + "...";
    }
    return text;
}

bool StoreError::store_unusable() const {
    // Code 0 is the store's own finding about its data (an unknown state, unreadable fields),
    // and corruption stays where it is: neither goes away on a retry.
    switch (sqlite_code & 0xff) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
        case SQLITE_NOMEM:
        case SQLITE_READONLY:
        case SQLITE_IOERR:
        case SQLITE_FULL:
        case SQLITE_CANTOPEN:
        case SQLITE_PROTOCOL:
            return true;
        default:
            return false;
    }
}

}  // namespace motcua::store
