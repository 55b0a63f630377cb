#include "store/statement.hpp"

#include <sqlite3.h>

#include "store/sqlite_error.hpp"

namespace motcua::store {

Statement::Statement(sqlite3* db, const char* sql) : db_(db) {
    const int rc = sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt_);
        throw sqlite_error(db, rc, "preparing `" + describe_sql(sql) + "`");
    }
    if (!stmt_) throw StoreError("preparing `" + describe_sql(sql) + "`: no statement in the text");
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind_int64(int index, std::int64_t value) {
    check_bind(sqlite3_bind_int64(stmt_, index, value), index);
    return *this;
}

Statement& Statement::bind(int index, double value) {
    check_bind(sqlite3_bind_double(stmt_, index, value), index);
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    check_bind(sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT,
                                   SQLITE_UTF8),
               index);
    return *this;
}

Statement& Statement::bind(int index, std::nullptr_t) {
    check_bind(sqlite3_bind_null(stmt_, index), index);
    return *this;
}

void Statement::check_bind(int rc, int index) {
    if (rc != SQLITE_OK)
        throw sqlite_error(db_, rc, "binding parameter " + std::to_string(index) + " of `" +
                                        describe_sql(sqlite3_sql(stmt_)) + "`");
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) {
        running_ = true;
        return true;
    }
    if (rc == SQLITE_DONE) {
        reset();
        return false;
    }
    // The message is taken before the reset, which leaves the connection's error state
    // undefined for the next caller.
    StoreError error = sqlite_error(db_, rc, "running `" + describe_sql(sqlite3_sql(stmt_)) + "`");
    reset();
    throw error;
}

void Statement::execute() {
    while (step()) {
    }
}

std::int64_t Statement::insert() {
    execute();
    return sqlite3_last_insert_rowid(db_);
}

std::int64_t Statement::update() {
    execute();
    return sqlite3_changes64(db_);
}

void Statement::check_column(int column) const {
    if (!running_ || column < 0 || column >= sqlite3_column_count(stmt_))
        throw StoreError("reading column " + std::to_string(column) + " of `" +
                         describe_sql(sqlite3_sql(stmt_)) + "`: no such column in the current row");
}

std::int64_t Statement::column_int64(int column) const {
    check_column(column);
    return sqlite3_column_int64(stmt_, column);
}

double Statement::column_double(int column) const {
    check_column(column);
    return sqlite3_column_double(stmt_, column);
}

std::string Statement::column_text(int column) const {
    check_column(column);
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return text ? std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
                : std::string();
}

bool Statement::column_is_null(int column) const {
    check_column(column);
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t Statement::single_int64() {
    if (!step())
        throw StoreError("running `" + describe_sql(sqlite3_sql(stmt_)) + "`: no row where one was expected");
    const auto value = column_int64(0);
    reset();
    return value;
}

std::optional<std::string> Statement::first_text() {
    if (!step()) return std::nullopt;
    auto value = column_text(0);
    reset();
    return value;
}

void Statement::reset() {
    // sqlite3_reset repeats the error of a failed step; that error was already reported.
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    running_ = false;
}

}  // namespace motcua::store
