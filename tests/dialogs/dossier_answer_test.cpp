#include "dialogs/dossier_answer.hpp"

#include <gtest/gtest.h>

#include "dialogs/engine.hpp"
#include "dialogs/text.hpp"
#include "tests/dialogs/dialogs_fixture.hpp"

namespace motcua::dialogs {
namespace {

const std::string kCode = "H23.22-220110-0001";

DossierFacts facts(DossierStatus status, const std::string& due_at = "2026-11-25") {
    return {kCode, "khai_tu", status, "2026-11-20", due_at, "Nguyễn Văn A",
            "Công chức Tư pháp - Hộ tịch", "Bản sao giấy báo tử", false};
}

Medium zalo() {
    Medium m;
    m.buttons = true;
    return m;
}

Medium plain_sms() {
    Medium m;
    m.sms = true;
    m.unicode = false;
    return m;
}

std::string text_of(const std::vector<Reply>& replies) {
    std::string out;
    for (const Reply& r : replies) out += r.text + "\n";
    return out;
}

// One turn asking about kCode, the bot having found `dossier` (or nothing).
TurnResult ask(const std::optional<DossierFacts>& dossier, const Medium& medium, std::string state = "",
               const std::string& text = "hồ sơ " + kCode, const std::string& today = "2026-11-25") {
    Engine engine(testing::shipped_content());
    Input input{Input::Kind::text, text};
    input.dossier = dossier;
    input.today = today;
    return engine.turn(state, input, medium);
}

TEST(DossierStatus, EveryStatusHasItsLabel) {
    const Scripts& scripts = testing::shipped_content()->scripts;
    const std::pair<DossierStatus, const char*> labels[] = {
        {DossierStatus::received, "Đã tiếp nhận"},       {DossierStatus::processing, "Đang xử lý"},
        {DossierStatus::need_supplement, "Cần bổ sung hồ sơ"}, {DossierStatus::rejected, "Không được tiếp nhận"},
        {DossierStatus::done, "Đã có kết quả"},          {DossierStatus::returned, "Đã trả kết quả"},
        {DossierStatus::withdrawn, "Đã rút hồ sơ"},
    };
    ASSERT_EQ(dossier_statuses().size(), std::size(labels));
    for (const auto& [status, label] : labels) {
        EXPECT_EQ(status_label(status, scripts), label);
        EXPECT_EQ(parse_dossier_status(dossier_status_name(status)), status);
        const std::string answer = text_of(ask(facts(status), zalo()).replies);
        EXPECT_NE(answer.find(std::string("Tình trạng: ") + label), std::string::npos) << answer;
    }
    EXPECT_FALSE(parse_dossier_status("Processing"));
    EXPECT_FALSE(parse_dossier_status(""));
}

TEST(DossierStatus, AnswerHasDatesOfficerAndNoApplicantData) {
    const TurnResult r = ask(facts(DossierStatus::processing), zalo());
    const std::string answer = text_of(r.replies);
    EXPECT_EQ(r.intent, "dossier_status");
    for (const char* part : {"Hồ sơ H23.22-220110-0001: Đăng ký khai tử", "Ngày tiếp nhận: 20/11/2026; hẹn trả kết quả: 25/11/2026",
                             "Cán bộ phụ trách: Nguyễn Văn A, Công chức Tư pháp - Hộ tịch",
                             "Nhắn \"theo dõi\""}) {
        EXPECT_NE(answer.find(part), std::string::npos) << part << "\n" << answer;
    }
    EXPECT_EQ(answer.find("Quá hạn"), std::string::npos) << "due today is not overdue yet";
    EXPECT_EQ(answer.find("Bản sao giấy báo tử"), std::string::npos) << "the note only for supplements";
    EXPECT_NE(r.state.find("\"last_dossier\":\"" + kCode + "\""), std::string::npos);
    EXPECT_TRUE(r.effects.empty());
}

TEST(DossierStatus, OverdueOnlyWhenTheDueDateHasPassedAndWorkGoesOn) {
    EXPECT_FALSE(is_overdue(DossierStatus::processing, "2026-11-25", "2026-11-25"));
    EXPECT_TRUE(is_overdue(DossierStatus::processing, "2026-11-25", "2026-11-26"));
    EXPECT_TRUE(is_overdue(DossierStatus::need_supplement, "2026-11-25", "2027-01-01"));
    for (DossierStatus finished : {DossierStatus::done, DossierStatus::returned, DossierStatus::rejected,
                                   DossierStatus::withdrawn}) {
        EXPECT_FALSE(is_overdue(finished, "2026-11-25", "2026-12-25"));
    }
    EXPECT_FALSE(is_overdue(DossierStatus::processing, "", "2026-11-26"));
    const std::string late = text_of(ask(facts(DossierStatus::processing), zalo(), "", "hồ sơ " + kCode,
                                         "2026-11-26").replies);
    EXPECT_NE(late.find("Tình trạng: Đang xử lý - Quá hạn"), std::string::npos) << late;
}

TEST(DossierStatus, NextStepsForSupplementRefusalAndResult) {
    const std::string supplement = text_of(ask(facts(DossierStatus::need_supplement), zalo()).replies);
    EXPECT_NE(supplement.find("Cần bổ sung: Bản sao giấy báo tử"), std::string::npos) << supplement;
    EXPECT_NE(supplement.find("mang giấy tờ bổ sung"), std::string::npos) << supplement;
    const std::string rejected = text_of(ask(facts(DossierStatus::rejected), zalo()).replies);
    EXPECT_NE(rejected.find("Lý do: Bản sao giấy báo tử"), std::string::npos) << rejected;
    const std::string done = text_of(ask(facts(DossierStatus::done), zalo()).replies);
    EXPECT_NE(done.find("để nhận kết quả"), std::string::npos) << done;
}

TEST(DossierStatus, PlainSmsHasNoDiacritics) {
    const TurnResult r = ask(facts(DossierStatus::need_supplement), plain_sms(), "", "hs " + kCode, "2026-12-01");
    ASSERT_EQ(r.replies.size(), 1u);
    EXPECT_TRUE(is_gsm7(r.replies[0].text)) << r.replies[0].text;
    for (const char* part : {"Tinh trang: Can bo sung ho so - Qua han", "Can bo phu trach: Nguyen Van A",
                             "Can bo sung: Ban sao giay bao tu", "Nhan \"theo doi\""}) {
        EXPECT_NE(r.replies[0].text.find(part), std::string::npos) << part << "\n" << r.replies[0].text;
    }
}

TEST(DossierStatus, UnknownCodeTwiceOffersTheOfficer) {
    const TurnResult first = ask(std::nullopt, zalo());
    const std::string once = text_of(first.replies);
    EXPECT_NE(once.find("Không tìm thấy hồ sơ có mã H23.22-220110-0001"), std::string::npos) << once;
    EXPECT_NE(once.find("Giấy tiếp nhận hồ sơ và hẹn trả kết quả"), std::string::npos) << once;
    EXPECT_EQ(once.find("gặp cán bộ"), std::string::npos) << once;
    const TurnResult second = ask(std::nullopt, zalo(), first.state);
    EXPECT_NE(text_of(second.replies).find("nhắn \"gặp cán bộ\""), std::string::npos) << text_of(second.replies);
    // Finding one starts the count again.
    const TurnResult found = ask(facts(DossierStatus::received), zalo(), second.state);
    const TurnResult third = ask(std::nullopt, zalo(), found.state);
    EXPECT_EQ(text_of(third.replies).find("gặp cán bộ"), std::string::npos);
}

TEST(DossierStatus, FactsForAnotherCodeAreNotUsed) {
    DossierFacts other = facts(DossierStatus::done);
    other.code = "H23.22-220110-0002";
    EXPECT_NE(text_of(ask(other, zalo()).replies).find("Không tìm thấy"), std::string::npos);
}

TEST(DossierStatus, FollowAndUnfollowAreEffects) {
    const TurnResult answered = ask(facts(DossierStatus::processing), zalo());
    const TurnResult follow = ask(std::nullopt, zalo(), answered.state, "theo dõi");
    ASSERT_EQ(follow.effects.size(), 1u);
    EXPECT_EQ(follow.effects[0].kind, Effect::Kind::follow);
    EXPECT_EQ(follow.effects[0].dossier_code, kCode);
    const TurnResult unfollow = ask(std::nullopt, zalo(), follow.state, "huy theo doi");
    ASSERT_EQ(unfollow.effects.size(), 1u);
    EXPECT_EQ(unfollow.effects[0].kind, Effect::Kind::unfollow);
    EXPECT_EQ(unfollow.effects[0].dossier_code, kCode);
    // Following a code the bot did not find is refused.
    EXPECT_TRUE(ask(std::nullopt, zalo(), "", "theo dõi " + kCode).effects.empty());
}

TEST(DossierStatus, ChangeNoticeForEachMedium) {
    Engine engine(testing::shipped_content());
    DossierFacts done = facts(DossierStatus::done);
    const std::string on_zalo = text_of(engine.status_change_notice(done, zalo()));
    EXPECT_NE(on_zalo.find("hồ sơ H23.22-220110-0001 đã chuyển sang tình trạng \"Đã có kết quả\""),
              std::string::npos) << on_zalo;
    EXPECT_NE(on_zalo.find("hủy theo dõi H23.22-220110-0001"), std::string::npos) << on_zalo;
    const auto on_sms = engine.status_change_notice(done, plain_sms());
    ASSERT_EQ(on_sms.size(), 1u);
    EXPECT_TRUE(is_gsm7(on_sms[0].text)) << on_sms[0].text;
    EXPECT_NE(on_sms[0].text.find("Da co ket qua"), std::string::npos) << on_sms[0].text;
}

TEST(DossierStatus, LongNoticeGoesOutWholeInNumberedParts) {
    Engine engine(testing::shipped_content());
    DossierFacts supplement = facts(DossierStatus::need_supplement);
    supplement.note.clear();
    for (int i = 0; i < 40; ++i) supplement.note += "Bản sao giấy tờ số " + std::to_string(i) + ". ";
    Medium sms = plain_sms();
    const auto parts = engine.status_change_notice(supplement, sms);
    ASSERT_GT(parts.size(), 1u);
    for (const Reply& part : parts) EXPECT_LE(sms_segments(part.text), 3u) << part.text;
    EXPECT_NE(parts[0].text.find("(1/" + std::to_string(parts.size()) + ")"), std::string::npos) << parts[0].text;
    EXPECT_NE(parts.back().text.find("huy theo doi"), std::string::npos);
}

TEST(DossierStatus, VietnameseDates) {
    EXPECT_EQ(vietnamese_date("2026-11-05"), "05/11/2026");
    EXPECT_EQ(vietnamese_date("5/11/2026"), "5/11/2026");
}

}  // namespace
}  // namespace motcua::dialogs
