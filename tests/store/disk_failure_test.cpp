#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <future>

#include "failing_vfs.hpp"
#include "store/outbox.hpp"
#include "store/settings.hpp"
#include "store_fixture.hpp"

namespace motcua::store {
namespace {

using testing::FailingVfs;
using testing::TempDir;

// A device that refuses writes must fail the commits, never crash, and stop failing as soon as
// it accepts writes again, with the same Database and no restart.
class DiskFailureTest : public ::testing::TestWithParam<int> {
protected:
    std::optional<std::string> setting(const std::string& key) {
        std::optional<std::string> value;
        db->read([&](Session& s) { value = load_setting(s, key); });
        return value;
    }

    FailingVfs vfs;  // outlives the database's connections
    TempDir dir;
    std::unique_ptr<Database> db = Database::open(dir.file("motcua.db"));
};

TEST_P(DiskFailureTest, WritesFailThenRecoverWithoutReopening) {
    db->writer().run([](Transaction& tx) { save_setting(tx, "before", "1"); });
    ASSERT_TRUE(testing::healthy(*db));

    vfs.fail_writes(GetParam());
    std::promise<std::pair<bool, std::string>> outcome;
    db->writer().submit(
        [](Transaction& tx) {
            save_setting(tx, "during", "1");
            enqueue_outbound(tx, {Channel::sms, "+84900000001", "x", {}}, 0);
        },
        [&](bool committed, const std::string& error) { outcome.set_value({committed, error}); });
    const auto [committed, error] = outcome.get_future().get();
    EXPECT_FALSE(committed);
    EXPECT_NE(error.find(sqlite3_errstr(GetParam())), std::string::npos) << error;
    EXPECT_THROW(db->writer().run([](Transaction& tx) { save_setting(tx, "during", "2"); }), StoreError);
    EXPECT_FALSE(testing::healthy(*db));
    EXPECT_EQ(setting("before"), "1");  // reads go on

    vfs.fail_writes(0);
    db->writer().run([](Transaction& tx) { save_setting(tx, "after", "1"); });
    EXPECT_TRUE(testing::healthy(*db));
    EXPECT_EQ(setting("during"), std::nullopt);
    EXPECT_EQ(setting("after"), "1");

    db.reset();
    db = Database::open(dir.file("motcua.db"));
    EXPECT_EQ(setting("before"), "1");
    EXPECT_EQ(setting("during"), std::nullopt);
    EXPECT_EQ(setting("after"), "1");
    std::int64_t pending = -1;
    db->read([&](Session& s) { pending = count_outbound(s, OutboxState::pending); });
    EXPECT_EQ(pending, 0);
}

INSTANTIATE_TEST_SUITE_P(Failures, DiskFailureTest, ::testing::Values(SQLITE_FULL, SQLITE_IOERR_WRITE),
                         [](const auto& info) { return info.param == SQLITE_FULL ? "DiskFull" : "WriteError"; });

TEST(ReadOnlyFile, OpeningIsAClearError) {
    if (geteuid() == 0) GTEST_SKIP() << "root writes read-only files anyway; DiskFailureTest covers refused writes";
    TempDir dir;
    const auto path = dir.file("motcua.db");
    Database::open(path).reset();
    std::filesystem::permissions(path, std::filesystem::perms::owner_read);
    try {
        Database::open(path);
        FAIL() << "a read-only file was opened for writing";
    } catch (const StoreError& e) {
        EXPECT_NE(std::string(e.what()).find("read-only"), std::string::npos) << e.what();
    }
}

}  // namespace
}  // namespace motcua::store
