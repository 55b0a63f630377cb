#include <gtest/gtest.h>
#include <sqlite3.h>

#include "store/connection.hpp"
#include "store/statement.hpp"
#include "store_fixture.hpp"

namespace motcua::store {
namespace {

class StatementTest : public ::testing::Test {
protected:
    void SetUp() override { session.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, i INTEGER, r REAL, s TEXT UNIQUE)"); }

    testing::TempDir dir;
    Session session{open_connection(dir.file("s.db"), Access::write), true};
};

TEST_F(StatementTest, BindsAndReadsEveryType) {
    const char raw[] = "Thủ tục\0khai sinh";
    const std::string text(raw, sizeof raw - 1);
    session.prepare("INSERT INTO t (i, r, s) VALUES (?1, ?2, ?3)")
        .bind(1, std::int64_t{9007199254740993})
        .bind(2, 2.5)
        .bind(3, text)
        .execute();
    session.prepare("INSERT INTO t (i, r, s) VALUES (?1, ?2, ?3)").bind(1, 7).bind(2, nullptr).bind(3, nullptr).execute();

    auto& rows = session.prepare("SELECT i, r, s FROM t ORDER BY id");
    ASSERT_TRUE(rows.step());
    EXPECT_EQ(rows.column_int64(0), 9007199254740993);
    EXPECT_DOUBLE_EQ(rows.column_double(1), 2.5);
    EXPECT_EQ(rows.column_text(2), text);
    ASSERT_TRUE(rows.step());
    EXPECT_EQ(rows.column_int64(0), 7);
    EXPECT_TRUE(rows.column_is_null(1));
    EXPECT_TRUE(rows.column_is_null(2));
    EXPECT_EQ(rows.column_text(2), "");
    EXPECT_FALSE(rows.step());
}

TEST_F(StatementTest, InsertGivesTheNewRowidAndUpdateTheRowsChanged) {
    auto& insert = session.prepare("INSERT INTO t (i, s) VALUES (?1, ?2)");
    EXPECT_EQ(insert.bind(1, 1).bind(2, "a").insert(), 1);
    session.exec("INSERT INTO t (id, i) VALUES (41, 0)");
    EXPECT_EQ(insert.bind(1, 1).bind(2, "b").insert(), 42);
    EXPECT_THROW(insert.bind(1, 1).bind(2, "b").insert(), StoreError);  // UNIQUE s
    auto& update = session.prepare("UPDATE t SET i = i + 1 WHERE i = ?1");
    EXPECT_EQ(update.bind(1, 1).update(), 2);
    EXPECT_EQ(update.bind(1, 1).update(), 0);
}

TEST_F(StatementTest, PreparedOncePerConnectionAndHandedOutClean) {
    auto& first = session.prepare("SELECT ?1");
    first.bind(1, 5);
    auto& second = session.prepare("SELECT ?1");
    EXPECT_EQ(&first, &second);
    ASSERT_TRUE(second.step());
    EXPECT_TRUE(second.column_is_null(0));  // the earlier binding was cleared
}

TEST_F(StatementTest, SqliteErrorsNameTheOperation) {
    try {
        session.prepare("SELEC 1");
        FAIL();
    } catch (const StoreError& e) {
        EXPECT_NE(std::string(e.what()).find("preparing `SELEC 1`"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("syntax error"), std::string::npos) << e.what();
    }
    auto& insert = session.prepare("INSERT INTO t (s) VALUES (?1)");
    insert.bind(1, "x").execute();
    try {
        session.prepare("INSERT INTO t (s) VALUES (?1)").bind(1, "x").execute();
        FAIL();
    } catch (const StoreError& e) {
        EXPECT_EQ(e.sqlite_code, SQLITE_CONSTRAINT_UNIQUE);
        EXPECT_NE(std::string(e.what()).find("UNIQUE constraint failed: t.s"), std::string::npos) << e.what();
    }
    // The failed statement was reset and is usable again.
    session.prepare("INSERT INTO t (s) VALUES (?1)").bind(1, "y").execute();
    EXPECT_EQ(session.prepare("SELECT count(*) FROM t").single_int64(), 2);
}

TEST_F(StatementTest, MisuseIsAnErrorNotACrash) {
    EXPECT_THROW(session.prepare("SELECT ?1").bind(2, 1), StoreError);
    auto& query = session.prepare("SELECT 1");
    EXPECT_THROW(query.column_int64(0), StoreError);  // no row yet
    ASSERT_TRUE(query.step());
    EXPECT_THROW(query.column_text(3), StoreError);
    EXPECT_THROW(session.prepare("SELECT 1 WHERE 0").single_int64(), StoreError);
    EXPECT_THROW(session.prepare(""), StoreError);
    EXPECT_THROW(session.exec("DROP TABLE nothing_here"), StoreError);
}

TEST_F(StatementTest, ResetStatementsReleasesAnOldSnapshot) {
    session.exec("INSERT INTO t (i) VALUES (1), (2)");
    Session reader(open_connection(dir.file("s.db"), Access::read), true);
    ASSERT_TRUE(reader.prepare("SELECT i FROM t").step());  // left between rows
    session.exec("INSERT INTO t (i) VALUES (3)");
    EXPECT_EQ(reader.prepare("SELECT count(*) FROM t").single_int64(), 2);  // still the old snapshot
    reader.reset_statements();
    EXPECT_EQ(reader.prepare("SELECT count(*) FROM t").single_int64(), 3);
}

TEST_F(StatementTest, ReadConnectionCannotWrite) {
    Session reader(open_connection(dir.file("s.db"), Access::read), true);
    EXPECT_THROW(reader.exec("INSERT INTO t (i) VALUES (1)"), StoreError);
}

}  // namespace
}  // namespace motcua::store
