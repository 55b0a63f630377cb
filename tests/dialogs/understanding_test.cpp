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

TEST(Understanding, MenuWordsAndChoiceNumbers) {
    for (const char* text : {"menu", "MENU", "0", "quay lại", "1", " 3 ", "2."}) {
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
    for (const char* text : {"", "   ", "asdfgh", "🙂", "?", "0912345678"}) {
        const Understanding u = parse(text);
        EXPECT_EQ(u.intent, Intent::unknown) << text;
        EXPECT_EQ(u.procedure, "") << text;
    }
}

TEST(Understanding, EverydayPhrasings) {
    expect_procedure("bố em vừa qua đời", "khai_tu");
    expect_procedure("ong noi toi mat hom qua", "khai_tu");
    expect_procedure("nhập khẩu cho vợ", "thuong_tru");
    expect_procedure("làm giấy đăng ký kết hôn", "ket_hon");
    expect_procedure("công chứng bản sao", "chung_thuc_ban_sao");
    expect_procedure("xác nhận độc thân", "xac_nhan_hon_nhan");
    expect_procedure("làm giấy khai sinh cho con", "khai_sinh");
    expect_procedure("ma thu tuc 1.000656", "khai_tu");
}

TEST(Understanding, MatNeverMeansDiedWhenItMeansTakesOrLost) {
    EXPECT_EQ(parse("mất bao lâu").intent, Intent::unknown);
    EXPECT_EQ(parse("toi bi mat giay to").intent, Intent::unknown);
    EXPECT_EQ(parse("bà tôi mất giấy tờ").procedure, "");
    EXPECT_EQ(parse("ông tôi mất tích").procedure, "");
    expect_procedure("làm khai sinh mất bao nhiêu tiền", "khai_sinh");
}

TEST(Understanding, DossierCodeAnywhere) {
    const Understanding plain = parse("cho hỏi hồ sơ h23.22 - 220110 - 0001 xong chưa");
    EXPECT_EQ(plain.intent, Intent::dossier_status);
    EXPECT_EQ(plain.dossier_code, "H23.22-220110-0001");
    const Understanding follow = parse("theo doi G09.20-20260609-0092637");
    EXPECT_EQ(follow.intent, Intent::follow);
    EXPECT_EQ(follow.dossier_code, "G09.20-20260609-0092637");
    EXPECT_EQ(parse("goi 0912345678").dossier_code, "");
}

TEST(Understanding, CanBoSungIsNotAnOfficer) {
    const Understanding u = parse("hs H23.22-220110-0001 can bo sung gi");
    EXPECT_EQ(u.intent, Intent::dossier_status);
    EXPECT_EQ(parse("gap can bo").intent, Intent::escalate);
}

TEST(Understanding, UnitsByTheirNameWithOrWithoutTheKind) {
    const std::vector<UnitName> units = {{"gia-loc", "Xã Gia Lộc"}, {"yet-kieu", "Xã Yết Kiêu"}};
    const Content& content = *testing::shipped_content();
    EXPECT_EQ(understand("yet kieu", content, units).unit, "yet-kieu");
    EXPECT_EQ(understand("tôi ở xã Gia Lộc", content, units).unit, "gia-loc");
    EXPECT_EQ(understand("XA GIA LOC", content, units).unit, "gia-loc");
    const Understanding both = understand("khai sinh o Ye\u0302\u0301t Kie\u0302u", content, units);
    EXPECT_EQ(both.unit, "yet-kieu");
    EXPECT_EQ(both.procedure, "khai_sinh");
    EXPECT_EQ(understand("gia phuc", content, units).unit, "");
    EXPECT_EQ(understand("yet kieu", content).unit, "");  // no units known
    EXPECT_EQ(understand("xã", content, {{"odd", "Xã"}}).unit, "odd");  // a name that is only a kind
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
