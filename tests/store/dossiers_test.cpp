#include <gtest/gtest.h>

#include "store/dossiers.hpp"
#include "store_fixture.hpp"

namespace motcua::store {
namespace {

using testing::StoreTest;

Dossier sample() {
    return {"H23.22-220110-0001", "khai_tu", "yet-kieu", "processing", "2026-11-20", "2026-11-25",
            "officer-1", "+84912345678", "Bổ sung bản sao giấy báo tử"};
}

TEST_F(StoreTest, DossierInsertedThenFoundByCode) {
    DossierWrite written;
    write([&](Transaction& tx) { written = upsert_dossier(tx, sample(), 10); });
    EXPECT_EQ(written.kind, DossierWrite::Kind::inserted);
    EXPECT_FALSE(written.status_changed());
    const auto found = read([](Session& s) { return find_dossier(s, "H23.22-220110-0001"); });
    ASSERT_TRUE(found);
    EXPECT_EQ(*found, sample());
    EXPECT_FALSE(read([](Session& s) { return find_dossier(s, "H23.22-220110-0002"); }));
    EXPECT_EQ(read([](Session& s) { return count_dossiers(s); }), 1);
}

TEST_F(StoreTest, DossierRewrittenAsItWasIsUnchanged) {
    write([&](Transaction& tx) { upsert_dossier(tx, sample(), 10); });
    DossierWrite again;
    write([&](Transaction& tx) { again = upsert_dossier(tx, sample(), 20); });
    EXPECT_EQ(again.kind, DossierWrite::Kind::unchanged);
    EXPECT_FALSE(again.status_changed());
}

TEST_F(StoreTest, DossierUpdateSaysWhetherTheStatusChanged) {
    write([&](Transaction& tx) { upsert_dossier(tx, sample(), 10); });
    Dossier noted = sample();
    noted.note = "Ghi chú khác";
    DossierWrite note_only;
    write([&](Transaction& tx) { note_only = upsert_dossier(tx, noted, 20); });
    EXPECT_EQ(note_only.kind, DossierWrite::Kind::updated);
    EXPECT_FALSE(note_only.status_changed());

    Dossier done = noted;
    done.status = "done";
    DossierWrite status;
    write([&](Transaction& tx) { status = upsert_dossier(tx, done, 30); });
    EXPECT_EQ(status.kind, DossierWrite::Kind::updated);
    EXPECT_TRUE(status.status_changed());
    EXPECT_EQ(status.previous_status, "processing");
    EXPECT_EQ(read([](Session& s) { return find_dossier(s, "H23.22-220110-0001"); })->status, "done");
}

TEST_F(StoreTest, DossierLookupsAreCountedByTime) {
    write([](Transaction& tx) {
        record_dossier_lookup(tx, "H23.22-220110-0001", true, Channel::sms, 100);
        record_dossier_lookup(tx, "H23.22-220110-0009", false, Channel::zalo, 200);
        record_dossier_lookup(tx, "H23.22-220110-0001", true, Channel::zalo, 300);
    });
    EXPECT_EQ(read([](Session& s) { return count_dossier_lookups(s, 0, 1000); }), 3);
    EXPECT_EQ(read([](Session& s) { return count_dossier_lookups(s, 200, 300); }), 1);
}

}  // namespace
}  // namespace motcua::store
