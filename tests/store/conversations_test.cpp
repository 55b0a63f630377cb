#include <gtest/gtest.h>

#include "store/conversations.hpp"
#include "store_fixture.hpp"

namespace motcua::store {
namespace {

using testing::StoreTest;

const std::string alice = "+84900000001";

TEST_F(StoreTest, ConversationRoundTrip) {
    EXPECT_EQ(read([](Session& s) { return load_conversation(s, Channel::sms, alice); }), "");
    write([](Transaction& tx) { save_conversation(tx, Channel::sms, alice, R"({"step":"menu"})", 10); });
    EXPECT_EQ(read([](Session& s) { return load_conversation(s, Channel::sms, alice); }), R"({"step":"menu"})");
    write([](Transaction& tx) { save_conversation(tx, Channel::sms, alice, "chờ số hồ sơ", 20); });
    EXPECT_EQ(read([](Session& s) { return load_conversation(s, Channel::sms, alice); }), "chờ số hồ sơ");
    // The same id on the other channel is somebody else.
    EXPECT_EQ(read([](Session& s) { return load_conversation(s, Channel::zalo, alice); }), "");
}

TEST_F(StoreTest, ConversationIsVisibleInsideTheWritingTransaction) {
    std::string seen;
    write([&](Transaction& tx) {
        save_conversation(tx, Channel::zalo, "123", "a", 1);
        seen = load_conversation(tx, Channel::zalo, "123");
    });
    EXPECT_EQ(seen, "a");
}

TEST_F(StoreTest, ContactInfoRoundTrip) {
    auto load = [this] { return read([](Session& s) { return load_contact_info(s, Channel::zalo, "77"); }); };
    EXPECT_EQ(load().phone, "");
    EXPECT_EQ(load().name, "");
    write([](Transaction& tx) { save_contact_info(tx, Channel::zalo, "77", {"+84900000002", "Nguyễn Văn B"}, 5); });
    EXPECT_EQ(load().phone, "+84900000002");
    EXPECT_EQ(load().name, "Nguyễn Văn B");
    // A later submission without a phone keeps the one known.
    write([](Transaction& tx) { save_contact_info(tx, Channel::zalo, "77", {"", "Trần Thị C"}, 6); });
    EXPECT_EQ(load().phone, "+84900000002");
    EXPECT_EQ(load().name, "Trần Thị C");
    write([](Transaction& tx) { save_contact_info(tx, Channel::zalo, "77", {"+84900000003", ""}, 7); });
    EXPECT_EQ(load().phone, "+84900000003");
    EXPECT_EQ(load().name, "Trần Thị C");
}

}  // namespace
}  // namespace motcua::store
