#include "store/database.hpp"

#include "store/checkpointer.hpp"
#include "store/connection.hpp"
#include "store/migrations.hpp"
#include "store/reader_pool.hpp"
#include "store/schema.hpp"
#include "store/sqlite_writer.hpp"
#include "store/statement.hpp"

namespace motcua::store {
namespace {

// Readers are short (one dialog turn, one dispatcher poll); a few cover the bot's threads.
constexpr std::size_t reader_connections = 4;

}  // namespace

// Declared in this order so that the readers close first, then the writer, and the
// checkpointer, the last connection, copies what is left of the WAL into the database file.
struct Database::Impl {
    std::unique_ptr<Checkpointer> checkpointer;  // outlives the writer, whose commits call it
    std::unique_ptr<SqliteWriter> writer;
    std::unique_ptr<ReaderPool> readers;
};

Database::Database() : impl_(std::make_unique<Impl>()) {}

Database::~Database() {
    if (impl_->writer) impl_->writer->stop();
}

std::unique_ptr<Database> Database::open(const std::string& path, Commits commits, WalSyncer::Sync sync) {
    auto connection = std::make_unique<Transaction>(open_connection(path, Access::write), true);
    migrate(*connection, schema_steps());
    std::unique_ptr<Database> db(new Database());
    db->impl_->checkpointer = std::make_unique<Checkpointer>(path);
    db->impl_->checkpointer->watch(connection->handle());
    if (commits == Commits::durable_when_visible) {
        sync = [] {};  // the COMMIT itself syncs (synchronous=FULL, set for every writing connection)
    } else {
        // NORMAL spares the COMMIT the wait for the disk: the syncer waits instead, while the
        // writer goes on with the next batch.
        connection->exec("PRAGMA synchronous = NORMAL");
        if (!sync) sync = WalSyncer::wal_of(connection->handle());
    }
    db->impl_->writer = std::make_unique<SqliteWriter>(std::move(connection), std::move(sync));
    db->impl_->readers = std::make_unique<ReaderPool>(path, reader_connections);
    return db;
}

void Database::read(const std::function<void(Session&)>& fn) { impl_->readers->read(fn); }

Writer& Database::writer() { return *impl_->writer; }

void Database::check_health(std::function<void(bool healthy)> done) {
    int version = 0;
    try {
        read([&](Session& s) { version = store::schema_version(s); });
    } catch (const StoreError&) {
        done(false);
        return;
    }
    // A real write: a transaction that changes nothing commits without touching the disk, and
    // would pass on a full or read-only one.
    const std::string probe = "PRAGMA user_version = " + std::to_string(version);
    impl_->writer->submit([probe](Transaction& tx) { tx.exec(probe.c_str()); },
                          [done = std::move(done)](bool committed, const std::string&) { done(committed); });
}

int Database::schema_version() {
    int version = 0;
    read([&](Session& s) { version = store::schema_version(s); });
    return version;
}

}  // namespace motcua::store
