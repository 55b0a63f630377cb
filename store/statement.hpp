#pragma once
// A compiled SQL statement of one connection. Parameters are numbered from 1 (?1, ?2, ...) and
// result columns from 0, as in SQLite. Session::prepare hands it out already reset, with no
// parameter bound; step() resets it when the rows run out or on an error.
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "store/session.hpp"

struct sqlite3_stmt;

namespace motcua::store {

class Statement {
public:
    Statement(sqlite3* db, const char* sql);  // throws StoreError when the SQL does not compile
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    template <std::integral T>
        requires(!std::same_as<T, bool>)
    Statement& bind(int index, T value) {
        return bind_int64(index, static_cast<std::int64_t>(value));
    }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);  // copied: the view may end at once
    Statement& bind(int index, std::nullptr_t);

    // Moves to the next row: true when one is there to read, false when the statement is done.
    bool step();
    // Runs a statement whose rows, if any, are not wanted.
    void execute();
    // Runs an INSERT of one row and returns its rowid. Preferred to RETURNING, which makes SQLite
    // collect the returned rows in a temporary table for every run.
    std::int64_t insert();
    // Runs an UPDATE or DELETE and returns how many rows it changed.
    std::int64_t update();

    std::int64_t column_int64(int column) const;
    double column_double(int column) const;
    std::string column_text(int column) const;  // "" for NULL
    bool column_is_null(int column) const;

    // Shorthands for statements answering with one value (a count, a lookup): run
    // the statement, take column 0 of its first row and reset it.
    std::int64_t single_int64();  // throws StoreError when there is no row
    std::optional<std::string> first_text();

    // Ends the current run and unbinds every parameter.
    void reset();
    // Between rows: a run that neither reached its end nor was reset.
    bool running() const { return running_; }

private:
    Statement& bind_int64(int index, std::int64_t value);
    void check_bind(int rc, int index);
    void check_column(int column) const;

    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
    bool running_ = false;
};

}  // namespace motcua::store
