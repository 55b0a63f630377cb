#include "bot/dossier_import.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "bot/channels.hpp"
#include "store/dossiers.hpp"
#include "store/followers.hpp"
#include "store/officers.hpp"
#include "store/outbox.hpp"
#include "tests/bot/references_fixture.hpp"
#include "tests/store/store_fixture.hpp"

namespace motcua::bot {
namespace {

using testing::test_references;

constexpr const char* header = "code,procedure,unit,status,received_at,due_at,officer,applicant_phone,note\n";

class DossierImport : public store::testing::StoreTest {
protected:
    void SetUp() override {
        StoreTest::SetUp();
        write([](store::Transaction& tx) {
            store::upsert_officer(tx, {"officer-1", "Nguyễn Văn A", "Công chức Tư pháp - Hộ tịch", "+84900000001",
                                       "yet-kieu", {"ho_tich"}, "", true}, 1);
        });
    }

    ImportReport import(const std::string& csv) {
        std::istringstream in(csv);
        rejections.str("");
        return import_dossiers(in, *db, test_references(), notifier, 1000, rejections);
    }

    std::optional<store::Dossier> dossier(const std::string& code) {
        return read([&](store::Session& s) { return store::find_dossier(s, code); });
    }

    std::vector<std::string> outbox_texts_to(const std::string& contact) {
        std::vector<std::string> texts;
        db->read([&](store::Session& s) {
            for (const auto& item : store::due_outbound(s, 1'000'000, 1000, {}))
                if (item.message.contact == contact) texts.push_back(item.message.text);
        });
        return texts;
    }

    dialogs::Engine dialogs{test_references().content};
    Config config;
    StatusNotifier notifier{dialogs, make_media(config)};
    std::ostringstream rejections;
};

TEST_F(DossierImport, GoodRowsGoInAndBadOnesAreReportedByLine) {
    const auto report = import(std::string("\xEF\xBB\xBF") + header +
                               "h23.22-220110-0001,khai_tu,yet-kieu,processing,2026-11-20,2026-11-25,officer-1,0912345678,"
                               "\"Bổ sung, gấp\"\r\n"
                               "H23.22-220110-0002,khai_tu,yet-kieu,lost,2026-11-20,2026-11-25,,,\r\n"
                               "H23.22-220110-0003,ket_hon,yet-kieu,received,2026-11-21,2026-11-26,,,\"dòng 1\ndòng 2\"\r\n"
                               "H23.22-220110-0004,ket_hon,yet-kieu,received,2026-11-21\r\n"
                               "H23.22-220110-0005,ket_hon,yet-kieu,received,2026-11-21,2026-11-26,officer-7,,\r\n");
    EXPECT_EQ(report.error, "");
    EXPECT_EQ(report.counts.inserted, 2u);
    EXPECT_EQ(report.counts.rejected, 3u);
    EXPECT_EQ(rejections.str(),
              "line 3: status: unknown status 'lost' (one of received, processing, need_supplement, rejected, done, "
              "returned, withdrawn)\n"
              "line 6: has 5 fields where the header has 9\n"
              "line 7: officer: unknown officer 'officer-7'\n");
    ASSERT_TRUE(dossier("H23.22-220110-0001"));
    EXPECT_EQ(dossier("H23.22-220110-0001")->applicant_phone, "+84912345678");
    EXPECT_EQ(dossier("H23.22-220110-0001")->note, "Bổ sung, gấp");
    EXPECT_EQ(dossier("H23.22-220110-0003")->note, "dòng 1\ndòng 2");
    EXPECT_FALSE(dossier("H23.22-220110-0002"));
    EXPECT_FALSE(dossier("H23.22-220110-0005"));
}

TEST_F(DossierImport, ColumnsInAnyOrderAndOptionalOnesLeftOut) {
    const auto report = import("status,code,due_at,received_at,unit,procedure\n"
                               "done,G09.20-20260609-0092637,2026-06-10,2026-06-09,yet-kieu,chung_thuc_ban_sao\n");
    EXPECT_EQ(report.counts.inserted, 1u) << rejections.str();
    EXPECT_EQ(dossier("G09.20-20260609-0092637")->status, "done");
}

TEST_F(DossierImport, ABadHeaderStopsEverything) {
    EXPECT_NE(import("code,procedure,unit,status,received_at,due_at,colour\n").error.find("unknown column 'colour'"),
              std::string::npos);
    EXPECT_NE(import("code,procedure,unit,status,received_at\n").error.find("no 'due_at' column"), std::string::npos);
    EXPECT_NE(import("code,code,procedure,unit,status,received_at,due_at\n").error.find("twice"), std::string::npos);
    EXPECT_NE(import("").error.find("empty"), std::string::npos);
    EXPECT_EQ(read([](store::Session& s) { return store::count_dossiers(s); }), 0);
}

TEST_F(DossierImport, StatusChangesNotifyFollowersOnceAndReimportChangesNothing) {
    import(std::string(header) + "H23.22-220110-0001,khai_tu,yet-kieu,processing,2026-11-20,2026-11-25,officer-1,,\n");
    write([](store::Transaction& tx) {
        store::follow_dossier(tx, "H23.22-220110-0001", {Channel::sms, "+84912345678"}, 1);
        store::follow_dossier(tx, "H23.22-220110-0001", {Channel::zalo, "8412345"}, 1);
    });
    const std::string done = std::string(header) +
                             "H23.22-220110-0001,khai_tu,yet-kieu,done,2026-11-20,2026-11-25,officer-1,,\n";
    auto report = import(done);
    EXPECT_EQ(report.counts.updated, 1u);
    const auto sms = outbox_texts_to("+84912345678");
    ASSERT_EQ(sms.size(), 1u);
    EXPECT_NE(sms[0].find("Da co ket qua"), std::string::npos) << sms[0];
    const auto zalo = outbox_texts_to("8412345");
    ASSERT_EQ(zalo.size(), 1u);
    EXPECT_NE(zalo[0].find("Đã có kết quả"), std::string::npos) << zalo[0];

    report = import(done);
    EXPECT_EQ(report.counts.unchanged, 1u);
    EXPECT_EQ(read([](store::Session& s) { return store::count_outbound(s, store::OutboxState::pending); }), 2);
}

}  // namespace
}  // namespace motcua::bot
