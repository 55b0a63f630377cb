#pragma once
// The SQLite database file: opened in WAL mode, migrated to the current schema, with one
// writer (see writer.hpp) and any number of concurrent readers that never block it.
#include <functional>
#include <memory>
#include <string>

#include "store/session.hpp"
#include "store/wal_syncer.hpp"

namespace motcua::store {

class Writer;

class Database {
public:
    enum class Commits {
        // Each COMMIT waits for the disk, so readers, in this process or another, see only
        // durable commits. For the CLI, whose commits the server's outbox may read.
        durable_when_visible,
        // The writer goes on while the syncing thread makes its commits durable; whoever acts on
        // a read takes Writer::fence() (the server's outbox does). Only one process may work so.
        synced_aside,
    };

    // Opens or creates the file and applies pending migrations. Throws StoreError. sync makes
    // synced_aside commits durable: an fdatasync of the WAL unless a test stands in for the disk.
    static std::unique_ptr<Database> open(const std::string& path, Commits commits = Commits::durable_when_visible,
                                          WalSyncer::Sync sync = {});
    ~Database();

    // Runs fn with a read-only session on a pooled connection; safe from any thread.
    // Throws StoreError when the store is unusable.
    void read(const std::function<void(Session&)>& fn);

    // The single writer that group-commits every change.
    Writer& writer();

    // Liveness probe for /healthz: done(true) when a read and a write succeed now. The write
    // waits its turn on the writer, so done runs later, on the writer's thread (or at once when
    // the read fails): a locked store must not hold the caller's thread for the busy timeout.
    void check_health(std::function<void(bool healthy)> done);

    int schema_version();

private:
    Database();
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace motcua::store
