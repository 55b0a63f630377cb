#include <gtest/gtest.h>

#include <fstream>
#include <vector>

#include "store/connection.hpp"
#include "store/migrations.hpp"
#include "store/schema.hpp"
#include "store/statement.hpp"
#include "store_fixture.hpp"

namespace motcua::store {
namespace {

using testing::StoreTest;
using testing::TempDir;

std::int64_t count_rows(Session& s, const char* table_sql) { return s.prepare(table_sql).single_int64(); }

bool table_exists(Session& s, const std::string& name) {
    return s.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1")
        .bind(1, name)
        .first_text()
        .has_value();
}

TEST_F(StoreTest, NewDatabaseHasEveryStep) {
    EXPECT_EQ(db->schema_version(), static_cast<int>(schema_steps().size()));
    EXPECT_GE(db->schema_version(), 4);
    EXPECT_EQ(read([](Session& s) { return count_rows(s, "SELECT count(*) FROM schema_migrations"); }),
              static_cast<std::int64_t>(schema_steps().size()));
    for (const char* table : {"inbound", "message_log", "conversations", "contacts", "outbox", "settings"})
        EXPECT_TRUE(read([&](Session& s) { return table_exists(s, table); })) << table;
}

TEST_F(StoreTest, ReopeningAppliesNoStepTwice) {
    reopen();
    reopen();
    EXPECT_EQ(db->schema_version(), static_cast<int>(schema_steps().size()));
    EXPECT_EQ(read([](Session& s) { return count_rows(s, "SELECT count(*) FROM schema_migrations"); }),
              static_cast<std::int64_t>(schema_steps().size()));
    EXPECT_EQ(read([](Session& s) { return count_rows(s, "PRAGMA user_version"); }), db->schema_version());
}

TEST_F(StoreTest, WriterConnectionIsDurableWalWithForeignKeys) {
    std::int64_t synchronous = -1, foreign_keys = -1;
    std::string journal;
    write([&](Transaction& tx) {
        synchronous = tx.prepare("PRAGMA synchronous").single_int64();
        foreign_keys = tx.prepare("PRAGMA foreign_keys").single_int64();
        journal = tx.prepare("PRAGMA journal_mode").first_text().value_or("");
    });
    EXPECT_EQ(synchronous, 2);  // FULL
    EXPECT_EQ(foreign_keys, 1);
    EXPECT_EQ(journal, "wal");
}

class MigrateTest : public ::testing::Test {
protected:
    TempDir dir;
    Session session{open_connection(dir.file("m.db"), Access::write), true};
};

// Steps that fail when run a second time, so that passing proves each ran once.
const std::vector<Migration> two_steps = {
    {1, "first", "CREATE TABLE a (x INTEGER)"},
    {2, "second", "CREATE TABLE b (y INTEGER); INSERT INTO a VALUES (1)"},
};

TEST_F(MigrateTest, AppliesOnlyTheStepsNotRecorded) {
    EXPECT_EQ(migrate(session, std::span(two_steps).first(1)), 1);
    EXPECT_EQ(migrate(session, two_steps), 2);
    EXPECT_EQ(migrate(session, two_steps), 2);
    EXPECT_EQ(schema_version(session), 2);
    EXPECT_EQ(count_rows(session, "SELECT count(*) FROM a"), 1);
}

TEST_F(MigrateTest, FailingStepIsUndoneWhole) {
    const std::vector<Migration> steps = {
        two_steps[0],
        {2, "broken", "CREATE TABLE c (z INTEGER); INSERT INTO missing VALUES (1)"},
    };
    try {
        migrate(session, steps);
        FAIL() << "the broken step was accepted";
    } catch (const StoreError& e) {
        EXPECT_NE(std::string(e.what()).find("migration 2 (broken)"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("no such table: missing"), std::string::npos) << e.what();
    }
    EXPECT_EQ(schema_version(session), 1);
    EXPECT_FALSE(table_exists(session, "c"));
    EXPECT_FALSE(session.in_transaction());
}

TEST_F(MigrateTest, OutboxQueuesKeepOnlyEachContactsOldestPendingItemDue) {
    const auto steps = schema_steps();
    migrate(session, steps.first(6));
    session.exec(
        "INSERT INTO outbox (id, channel, contact, text, created_at, next_attempt_at, state) VALUES"
        " (1, 'sms', '+84900000001', 'a1', 0, 0, 'sent'), (2, 'sms', '+84900000001', 'a2', 0, 0, 'pending'),"
        " (3, 'sms', '+84900000001', 'a3', 0, 0, 'pending'), (4, 'zalo', '+84900000001', 'z1', 0, 0, 'pending')");
    migrate(session, steps);
    EXPECT_EQ(count_rows(session, "SELECT id FROM outbox WHERE waiting = 1"), 3);
    EXPECT_EQ(count_rows(session, "SELECT count(*) FROM outbox WHERE waiting = 0"), 3);
}

TEST_F(MigrateTest, RefusesADatabaseNewerThanTheBuild) {
    migrate(session, two_steps);
    EXPECT_THROW(migrate(session, std::span(two_steps).first(1)), StoreError);
}

TEST_F(MigrateTest, RefusesStepsNumberedWithGaps) {
    const std::vector<Migration> steps = {{1, "one", "SELECT 1"}, {3, "three", "SELECT 1"}};
    EXPECT_THROW(migrate(session, steps), StoreError);
}

TEST(DatabaseOpen, FileThatIsNotADatabaseIsAClearError) {
    TempDir dir;
    std::ofstream(dir.file("junk.db")) << "this is not a SQLite database, just some text long enough";
    try {
        Database::open(dir.file("junk.db"));
        FAIL() << "opened a text file";
    } catch (const StoreError& e) {
        EXPECT_NE(std::string(e.what()).find("not a database"), std::string::npos) << e.what();
    }
}

TEST(DatabaseOpen, MissingDirectoryIsAClearError) {
    TempDir dir;
    EXPECT_THROW(Database::open(dir.file("no/such/dir/x.db")), StoreError);
    EXPECT_THROW(Database::open(""), StoreError);
}

}  // namespace
}  // namespace motcua::store
