#include <gtest/gtest.h>

#include "store/followers.hpp"
#include "store_fixture.hpp"

namespace motcua::store {
namespace {

using testing::StoreTest;

const std::string code = "H23.22-220110-0001";
const Follower by_sms{Channel::sms, "+84912345678"};
const Follower by_zalo{Channel::zalo, "8412345"};

TEST_F(StoreTest, FollowersOfADossierOnTheirChannels) {
    write([](Transaction& tx) {
        follow_dossier(tx, code, by_sms, 1);
        follow_dossier(tx, code, by_zalo, 2);
        follow_dossier(tx, code, by_sms, 3);  // again: still one follower
        follow_dossier(tx, "G09.20-20260609-0092637", by_zalo, 4);
    });
    EXPECT_EQ(read([](Session& s) { return followers_of(s, code); }), (std::vector<Follower>{by_sms, by_zalo}));
    EXPECT_TRUE(read([](Session& s) { return is_following(s, code, by_sms); }));
    EXPECT_FALSE(read([](Session& s) { return is_following(s, code, Follower{Channel::zalo, by_sms.contact}); }));
}

TEST_F(StoreTest, UnfollowOneOrAll) {
    write([](Transaction& tx) {
        follow_dossier(tx, code, by_zalo, 1);
        follow_dossier(tx, "G09.20-20260609-0092637", by_zalo, 1);
        follow_dossier(tx, code, by_sms, 1);
    });
    write([](Transaction& tx) { unfollow_dossier(tx, code, by_sms, 2); });
    EXPECT_EQ(read([](Session& s) { return followers_of(s, code); }), (std::vector<Follower>{by_zalo}));
    write([](Transaction& tx) { unfollow_all_dossiers(tx, by_zalo, 3); });
    EXPECT_TRUE(read([](Session& s) { return followers_of(s, code); }).empty());
    EXPECT_TRUE(read([](Session& s) { return followers_of(s, "G09.20-20260609-0092637"); }).empty());
}

TEST_F(StoreTest, AutomaticFollowRespectsAnOptOut) {
    bool follows = false;
    write([&](Transaction& tx) { follows = follow_dossier_unless_opted_out(tx, code, by_sms, 1); });
    EXPECT_TRUE(follows);
    write([](Transaction& tx) { unfollow_dossier(tx, code, by_sms, 2); });
    write([&](Transaction& tx) { follows = follow_dossier_unless_opted_out(tx, code, by_sms, 3); });
    EXPECT_FALSE(follows);
    // Asking again explicitly does follow.
    write([](Transaction& tx) { follow_dossier(tx, code, by_sms, 4); });
    EXPECT_TRUE(read([](Session& s) { return is_following(s, code, by_sms); }));
}

}  // namespace
}  // namespace motcua::store
