#include "dialogs/understanding.hpp"

#include <gtest/gtest.h>

#include "tests/dialogs/dialogs_fixture.hpp"

namespace motcua::dialogs {
namespace {

Understanding parse(const std::string& text) {
    return understand(text, *testing::shipped_content());
}

void expect_procedure(const std::string& text, const std::string& procedure) {
    const Understanding u = parse(text);
    EXPECT_EQ(u.intent, Intent::procedure) << text;
    EXPECT_EQ(u.procedure, procedure) << text;
}

TEST(Understanding, Greetings) {
    for (const char* text : {"xin chao", "Xin chào!", "chào", "alo", "Hi", "chào bạn"}) {
        EXPECT_EQ(parse(text).intent, Intent::greeting) << text;
    }
}

TEST(Understanding, MenuWords) {
    for (const char* text : {"menu", "MENU", "0", "quay lại"}) {
        EXPECT_EQ(parse(text).intent, Intent::menu) << text;
    }
}

TEST(Understanding, KhaiTuInEveryForm) {
    expect_procedure("khai tử", "khai_tu");
    expect_procedure("khai tu", "khai_tu");
    expect_procedure("KHAI TỬ", "khai_tu");
    expect_procedure("khai tu\u031b\u0309", "khai_tu");  // NFD
    expect_procedure("đăng ký khai tử", "khai_tu");
    expect_procedure("dang ky khai tu o dau vay", "khai_tu");
    expect_procedure("bà tôi mất", "khai_tu");
    expect_procedure("ba toi mat hom qua, can lam gi", "khai_tu");
    expect_procedure("Chào, bố tôi mất rồi", "khai_tu");
}

TEST(Understanding, TakesHowLongIsNotADeath) {
    expect_procedure("đăng ký kết hôn mất bao lâu", "ket_hon");
    expect_procedure("khai sinh mất mấy ngày", "khai_sinh");
    EXPECT_EQ(parse("làm giấy tờ mất bao lâu").intent, Intent::unknown);
    EXPECT_EQ(parse("mẹ tôi mất giấy khai sinh").procedure, "khai_sinh");
}

TEST(Understanding, TheLongestPhraseWins) {
    expect_procedure("chứng thực chữ ký", "chung_thuc_chu_ky");
    expect_procedure("chứng thực", "chung_thuc_ban_sao");
    expect_procedure("chứng thực hợp đồng mua bán đất", "chung_thuc_hop_dong");
    expect_procedure("xin giấy xác nhận tình trạng hôn nhân để kết hôn", "xac_nhan_hon_nhan");
}

TEST(Understanding, EveryProcedureByItsName) {
    for (const Procedure& p : testing::shipped_content()->catalog.procedures) {
        expect_procedure(p.name, p.id);
    }
}

TEST(Understanding, OtherIntents) {
    EXPECT_EQ(parse("tra cứu hồ sơ").intent, Intent::dossier_status);
    EXPECT_EQ(parse("theo dõi").intent, Intent::follow);
    EXPECT_EQ(parse("huy theo doi").intent, Intent::unfollow);
    const Understanding escalate = parse("tôi muốn gặp cán bộ về khai tử");
    EXPECT_EQ(escalate.intent, Intent::escalate);
    EXPECT_EQ(escalate.procedure, "khai_tu");
}

TEST(Understanding, UnknownAndEmpty) {
    for (const char* text : {"", "   ", "asdfgh", "🙂", "1"}) {
        const Understanding u = parse(text);
        EXPECT_EQ(u.intent, Intent::unknown) << text;
        EXPECT_EQ(u.procedure, "") << text;
    }
}

TEST(Understanding, IntentNamesAreSpecs) {
    EXPECT_EQ(intent_name(Intent::greeting), "greeting");
    EXPECT_EQ(intent_name(Intent::dossier_status), "dossier_status");
    EXPECT_EQ(intent_name(Intent::unknown), "unknown");
}

TEST(AsksForMore, ZeroOrAContinuationWordAlone) {
    const Content& content = *testing::shipped_content();
    EXPECT_TRUE(asks_for_more("0", content));
    EXPECT_TRUE(asks_for_more(" Xem tiếp ", content));
    EXPECT_TRUE(asks_for_more("xem tiep", content));
    EXPECT_FALSE(asks_for_more("1", content));
    EXPECT_FALSE(asks_for_more("xem tiếp khai sinh", content));
}

}  // namespace
}  // namespace motcua::dialogs
