#pragma once
// Versioned schema changes: each step runs once, in its own transaction, and is recorded in
// schema_migrations, so reopening a database applies only the steps it has not seen.
#include <span>

#include "store/session.hpp"

namespace motcua::store {

struct Migration {
    int version;       // 1, 2, 3... without gaps
    const char* name;  // what the step does, for the record
    const char* sql;   // one or more statements
};

// Applies the steps the database has not recorded yet and returns its version afterwards.
// Throws StoreError when a step fails (that step is rolled back) or when the database is newer
// than the steps known to this build.
int migrate(Session& session, std::span<const Migration> steps);

// The highest version recorded, 0 for a new database.
int schema_version(Session& session);

}  // namespace motcua::store
