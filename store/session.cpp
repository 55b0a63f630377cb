#include "store/session.hpp"

#include <sqlite3.h>

#include <string_view>
#include <unordered_map>

#include "store/sqlite_error.hpp"
#include "store/statement.hpp"

namespace motcua::store {

namespace {
// Looks statements up by the caller's SQL text without copying it into a string first: every
// store call prepares, so that copy was an allocation per statement run.
struct SqlHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view sql) const { return std::hash<std::string_view>{}(sql); }
};
}  // namespace

struct Session::Cache {
    std::unordered_map<std::string, std::unique_ptr<Statement>, SqlHash, std::equal_to<>> statements;
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
    auto found = cache_->statements.find(std::string_view(sql));
    if (found == cache_->statements.end())
        found = cache_->statements.emplace(sql, std::make_unique<Statement>(db_, sql)).first;
    found->second->reset();
    return *found->second;
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
    // Only a statement between rows holds anything; the others were reset when they finished.
    for (auto& [sql, statement] : cache_->statements)
        if (statement->running()) statement->reset();
}

}  // namespace motcua::store
