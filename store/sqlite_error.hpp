#pragma once
// Turns a failed SQLite call into a StoreError that names what was being done.
#include <string_view>

#include "store/session.hpp"

namespace motcua::store {

// StoreError("<operation>: <sqlite's message>") carrying rc, for the caller to throw.
StoreError sqlite_error(sqlite3* db, int rc, std::string_view operation);

// SQL text short enough for an error message.
std::string describe_sql(std::string_view sql);

}  // namespace motcua::store
