#include "store/migrations.hpp"

#include <string>

#include "store/statement.hpp"

namespace motcua::store {
namespace {

void check_numbering(std::span<const Migration> steps) {
    for (std::size_t i = 0; i < steps.size(); ++i)
        if (steps[i].version != static_cast<int>(i) + 1)
            throw StoreError("migration '" + std::string(steps[i].name) + "' has version " +
                             std::to_string(steps[i].version) + ", expected " + std::to_string(i + 1));
}

void apply(Session& session, const Migration& step) {
    // IMMEDIATE takes the write lock before the version is read again, so two processes
    // opening the same new file cannot both apply the step.
    session.exec("BEGIN IMMEDIATE");
    try {
        if (schema_version(session) < step.version) {
            session.exec(step.sql);
            session.prepare("INSERT INTO schema_migrations (version, name) VALUES (?1, ?2)")
                .bind(1, step.version)
                .bind(2, std::string_view(step.name))
                .execute();
            // Mirrored in the file header for tools such as the sqlite3 shell.
            session.exec(("PRAGMA user_version = " + std::to_string(step.version)).c_str());
        }
        session.exec("COMMIT");
    } catch (const StoreError& e) {
        session.reset_statements();
        if (session.in_transaction()) session.exec("ROLLBACK");
        throw StoreError("migration " + std::to_string(step.version) + " (" + step.name +
                             ") failed: " + e.what(),
                         e.sqlite_code);
    }
}

}  // namespace

int schema_version(Session& session) {
    return static_cast<int>(
        session.prepare("SELECT coalesce(max(version), 0) FROM schema_migrations").single_int64());
}

int migrate(Session& session, std::span<const Migration> steps) {
    check_numbering(steps);
    session.exec(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY,"
        " name TEXT NOT NULL)");
    const int found = schema_version(session);
    if (found > static_cast<int>(steps.size()))
        throw StoreError("the database has schema version " + std::to_string(found) +
                         ", newer than this build's " + std::to_string(steps.size()));
    for (const auto& step : steps)
        if (step.version > found) apply(session, step);
    return schema_version(session);
}

}  // namespace motcua::store
