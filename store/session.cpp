#include "store/session.hpp"

#include <sqlite3.h>

#include <unordered_map>

#include "store/sqlite_error.hpp"
#include "store/statement.hpp"

namespace motcua::store {

struct Session::Cache {
    std::unordered_map<std::string, std::unique_ptr<Statement>> statements;
};

Session::Session(sqlite3* db, bool owns) : db_(db), owns_(owns), cache_(std::make_unique<Cache>()) {
    if (!db) throw StoreError("a session needs an open connection");
}

Session::~Session() {
    // Statements are finalized before their connection closes.
    cache_.reset();
    if (owns_) sqlite3_close_v2(db_);
}

Statement& Session::prepare(const char* sql) {
    auto& slot = cache_->statements[sql];
    if (!slot) {
        try {
            slot = std::make_unique<Statement>(db_, sql);
        } catch (...) {
            cache_->statements.erase(sql);
            throw;
        }
    }
    slot->reset();
    return *slot;
}

void Session::exec(const char* sql) {
    char* message = nullptr;
    const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &message);
    if (rc == SQLITE_OK) return;
    const std::string text = message ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    throw StoreError("running `" + describe_sql(sql) + "`: " + text, rc);
}

bool Session::in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

void Session::reset_statements() {
    for (auto& [sql, statement] : cache_->statements) statement->reset();
}

}  // namespace motcua::store
