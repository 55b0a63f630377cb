#include <gtest/gtest.h>

#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <thread>

#include "store/checkpointer.hpp"
#include "store/connection.hpp"
#include "store/settings.hpp"
#include "store/writer.hpp"
#include "store_fixture.hpp"

namespace motcua::store::testing {
namespace {

using namespace std::chrono_literals;

class CheckpointerTest : public StoreTest {};

// Committed pages reach the database file only through a checkpoint: until one runs they live
// in the WAL alone. The writer no longer checkpoints on commit, so the file growing proves the
// background checkpointer copied them.
TEST_F(CheckpointerTest, CommittedPagesReachTheDatabaseFileInTheBackground) {
    const auto before = std::filesystem::file_size(path());
    const std::string value(3000, 'x');  // most of a 4 KiB page each
    for (int batch = 0; batch < 4; ++batch)
        write([&](Transaction& tx) {
            for (int i = 0; i < 700; ++i) save_setting(tx, std::to_string(batch) + "-" + std::to_string(i), value);
        });
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    while (std::filesystem::file_size(path()) < before + 4'000'000 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(10ms);
    EXPECT_GE(std::filesystem::file_size(path()), before + 4'000'000);
    EXPECT_EQ(read([](Session& s) { return load_setting(s, "3-699"); }), std::optional(value));
}

bool eventually(const std::function<bool()>& condition) {
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (!condition() && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(5ms);
    return condition();
}

// The WAL header's checkpoint sequence number, which SQLite bumps each time it starts the WAL
// again from the beginning (the WAL file format, bytes 12 to 15, big-endian).
std::uint32_t wal_restarts(const std::string& db_path) {
    std::ifstream wal(db_path + "-wal", std::ios::binary);
    unsigned char header[16] = {};
    wal.read(reinterpret_cast<char*>(header), sizeof header);
    return std::uint32_t{header[12]} << 24 | std::uint32_t{header[13]} << 16 | std::uint32_t{header[14]} << 8 | header[15];
}

// Copies are asked for per step of WAL growth, counted from the last request. Once the WAL has
// been copied whole, the next commit starts it again from its beginning, smaller than at that
// request: counted from there, no copy would be asked for until the WAL had grown past its old
// size again, and near the restart threshold every copy would fall to the writer, under the
// webhooks' feet.
TEST(CheckpointerSteps, TheStepsCountAgainWhenTheWalStartsAgain) {
    TempDir dir;
    const auto path = dir.file("steps.db");
    sqlite3* writer = open_connection(path, Access::write);
    Checkpointer checkpointer(path, {.step_bytes = 16 * 1024, .restart_bytes = 64 << 20});
    Session owner(writer, true);  // closed first, as in Database: the writer's commits call the checkpointer
    owner.exec("CREATE TABLE t (v BLOB)");
    checkpointer.watch(writer);
    const auto add_pages = [&](int rows) {  // a row of 800 bytes fills most of a 1 KiB page
        const auto sql = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " +
                         std::to_string(rows) + ") INSERT INTO t SELECT randomblob(800) FROM n";
        owner.exec(sql.c_str());
    };
    const auto copied = [&](std::uintmax_t bytes) {
        return eventually([&] { return std::filesystem::file_size(path) >= bytes; });
    };
    // Whole: the background copy is over, or this one finished it (busy while it runs).
    const auto wal_copied_whole = [&] {
        return eventually([&] {
            int in_wal = -1, copied_frames = -2;
            return sqlite3_wal_checkpoint_v2(writer, nullptr, SQLITE_CHECKPOINT_PASSIVE, &in_wal, &copied_frames) ==
                       SQLITE_OK &&
                   in_wal == copied_frames;
        });
    };

    add_pages(40);
    ASSERT_TRUE(copied(40 * 1024));
    ASSERT_TRUE(wal_copied_whole());
    const auto restarts_before = wal_restarts(path);
    add_pages(20);  // the WAL starts again: 20 pages, fewer than at the last request
    ASSERT_GT(wal_restarts(path), restarts_before);
    EXPECT_TRUE(copied(60 * 1024)) << "after the WAL started again, no copy was asked for";
}

}  // namespace
}  // namespace motcua::store::testing
