#include <gtest/gtest.h>

#include "store/settings.hpp"
#include "store_fixture.hpp"

namespace motcua::store {
namespace {

using testing::StoreTest;

TEST_F(StoreTest, SettingsRoundTripAndSurviveReopening) {
    auto load = [this](const char* key) { return read([&](Session& s) { return load_setting(s, key); }); };
    EXPECT_EQ(load("zalo.access_token"), std::nullopt);
    write([](Transaction& tx) { save_setting(tx, "zalo.access_token", "t1"); });
    write([](Transaction& tx) { save_setting(tx, "zalo.access_token", "t2"); });
    write([](Transaction& tx) { save_setting(tx, "zalo.refresh_token", ""); });
    reopen();
    EXPECT_EQ(load("zalo.access_token"), "t2");
    EXPECT_EQ(load("zalo.refresh_token"), "");
    EXPECT_THROW(write([](Transaction& tx) { save_setting(tx, "", "x"); }), StoreError);
}

}  // namespace
}  // namespace motcua::store
