#pragma once
// Opens a connection to the database file with the settings every motcua connection relies on.
#include <string>

#include "store/session.hpp"

namespace motcua::store {

enum class Access {
    write,  // the writer's: creates the file, WAL journal, each commit synced to disk
    read,   // a reader's: cannot change anything
};

// An open connection for a Session to own. Throws StoreError.
sqlite3* open_connection(const std::string& path, Access access);

}  // namespace motcua::store
