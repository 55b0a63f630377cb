#include <gtest/gtest.h>

#include <chrono>
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

bool schema_has(Session& s, const std::string& type, const std::string& name) {
    return s.prepare("SELECT 1 FROM sqlite_schema WHERE type = ?1 AND name = ?2")
        .bind(1, type)
        .bind(2, name)
        .first_text()
        .has_value();
}
bool table_exists(Session& s, const std::string& name) { return schema_has(s, "table", name); }
bool index_exists(Session& s, const std::string& name) { return schema_has(s, "index", name); }

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

TEST_F(MigrateTest, TheLastHoursArrivalsCarryOverToTheConversations) {
    const auto steps = schema_steps();
    migrate(session, steps.first(8));
    const auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::system_clock::now().time_since_epoch()).count();
    const auto at = [now_ms](std::int64_t ago_ms) { return std::to_string(now_ms - ago_ms); };
    session.exec("INSERT INTO conversations (channel, contact, state, updated_at) VALUES ('sms', '+84900000001', 'menu', 0)");
    const auto log = std::string("INSERT INTO message_log (direction, channel, contact, text, at) VALUES")
                 + " ('in', 'sms', '+84900000001', 'a', " + at(7'200'000) + "),"  // two hours ago
                 " ('in', 'sms', '+84900000001', 'b', " + at(60'000) + "),"
                 " ('out', 'sms', '+84900000001', 'reply', " + at(59'000) + "),"
                 " ('in', 'sms', '+84900000001', 'c', " + at(1'000) + "),"
                 " ('in', 'zalo', '42', 'd', " + at(30'000) + ")";
    session.exec(log.c_str());
    migrate(session, steps);
    auto times = [this](const std::string& contact) {
        auto& query = session.prepare("SELECT arrivals, state FROM conversations WHERE contact = ?1");
        query.bind(1, contact);
        std::string found = query.step() ? query.column_text(0) + " / " + query.column_text(1) : "none";
        query.reset();
        return found;
    };
    // The order group_concat gives is not promised; the store sorts what it reads.
    const auto alice = times("+84900000001");
    EXPECT_TRUE(alice == at(60'000) + " " + at(1'000) + " / menu" || alice == at(1'000) + " " + at(60'000) + " / menu") << alice;
    EXPECT_EQ(times("42"), at(30'000) + " / ");
    EXPECT_FALSE(index_exists(session, "message_log_in_by_contact"));
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
