#include <gtest/gtest.h>

#include "store/officers.hpp"
#include "store_fixture.hpp"

namespace motcua::store {
namespace {

using testing::StoreTest;

Officer officer(const std::string& id) {
    return {id, "Nguyễn Văn A", "Công chức Tư pháp - Hộ tịch", "+84900000001", "yet-kieu",
            {"ho_tich", "chung_thuc"}, "", true};
}

TEST_F(StoreTest, OfficerRoundTripAndReplace) {
    bool created = false;
    write([&](Transaction& tx) { created = upsert_officer(tx, officer("officer-1"), 1); });
    EXPECT_TRUE(created);
    EXPECT_EQ(read([](Session& s) { return find_officer(s, "officer-1"); }), officer("officer-1"));

    Officer changed = officer("officer-1");
    changed.fields = {};
    changed.backup = "officer-2";
    changed.active = false;
    write([&](Transaction& tx) { created = upsert_officer(tx, changed, 2); });
    EXPECT_FALSE(created);
    EXPECT_EQ(read([](Session& s) { return find_officer(s, "officer-1"); }), changed);
    EXPECT_FALSE(read([](Session& s) { return find_officer(s, "officer-9"); }));
}

TEST_F(StoreTest, OfficersAreListedById) {
    write([&](Transaction& tx) {
        upsert_officer(tx, officer("b"), 1);
        upsert_officer(tx, officer("a"), 1);
    });
    const auto all = read([](Session& s) { return list_officers(s); });
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].id, "a");
    EXPECT_EQ(all[1].id, "b");
}

}  // namespace
}  // namespace motcua::store
