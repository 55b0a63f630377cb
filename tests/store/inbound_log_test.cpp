#include <gtest/gtest.h>

#include "store/inbound_log.hpp"
#include "store/message_log.hpp"
#include "store_fixture.hpp"

namespace motcua::store {
namespace {

using testing::StoreTest;

Inbound sms(const std::string& sid, const std::string& text) {
    Inbound m;
    m.channel = Channel::sms;
    m.contact = "+84900000001";
    m.external_id = sid;
    m.text = text;
    return m;
}

TEST_F(StoreTest, DuplicateInboundIsRecordedAndLoggedOnce) {
    std::vector<bool> recorded;
    for (int i = 0; i < 2; ++i)
        write([&](Transaction& tx) { recorded.push_back(record_inbound(tx, sms("SM1", "khai sinh"), 1000 + i)); });
    EXPECT_EQ(recorded, (std::vector<bool>{true, false}));
    EXPECT_EQ(read([](Session& s) { return count_inbound(s, Channel::sms); }), 1);
    EXPECT_EQ(read([](Session& s) { return count_message_log(s, Direction::in, Channel::sms); }), 1);
}

TEST_F(StoreTest, SameGatewayIdOnAnotherChannelIsAnotherMessage) {
    auto zalo = sms("42", "xin chào");
    zalo.channel = Channel::zalo;
    zalo.contact = "8523456789012345678";
    write([&](Transaction& tx) {
        EXPECT_TRUE(record_inbound(tx, sms("42", "a"), 1));
        EXPECT_TRUE(record_inbound(tx, zalo, 2));
        EXPECT_TRUE(record_inbound(tx, sms("43", "b"), 3));
    });
    EXPECT_EQ(read([](Session& s) { return count_inbound(s, Channel::sms); }), 2);
    EXPECT_EQ(read([](Session& s) { return count_inbound(s, Channel::zalo); }), 1);
    EXPECT_EQ(read([](Session& s) { return count_message_log(s, Direction::in, Channel::zalo); }), 1);
}

TEST_F(StoreTest, InboundWithoutIdOrSenderIsRefused) {
    EXPECT_THROW(write([](Transaction& tx) { record_inbound(tx, sms("", "x"), 1); }), StoreError);
    auto anonymous = sms("SM9", "x");
    anonymous.contact.clear();
    EXPECT_THROW(write([&](Transaction& tx) { record_inbound(tx, anonymous, 1); }), StoreError);
    EXPECT_EQ(read([](Session& s) { return count_inbound(s, Channel::sms); }), 0);
}

}  // namespace
}  // namespace motcua::store
