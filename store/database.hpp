#pragma once
// The SQLite database file: opened in WAL mode, migrated to the current schema, with one
// writer (see writer.hpp) and any number of concurrent readers that never block it.
#include <functional>
#include <memory>
#include <string>

#include "store/session.hpp"

namespace motcua::store {

class Writer;

class Database {
public:
    // Opens or creates the file and applies pending migrations. Throws StoreError.
    static std::unique_ptr<Database> open(const std::string& path);
    ~Database();

    // Runs fn with a read-only session on a pooled connection; safe from any thread.
    // Throws StoreError when the store is unusable.
    void read(const std::function<void(Session&)>& fn);

    // The single writer that group-commits every change.
    Writer& writer();

    // Cheap liveness probe for /healthz: true when a read and a write would succeed now.
    bool healthy();

    int schema_version();

private:
    Database();
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace motcua::store
