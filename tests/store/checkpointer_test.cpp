#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

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

}  // namespace
}  // namespace motcua::store::testing
