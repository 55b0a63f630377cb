#include "dialogs/escalation_wording.hpp"

#include <gtest/gtest.h>

#include "dialogs/text.hpp"
#include "tests/dialogs/dialogs_fixture.hpp"

namespace motcua::dialogs {
namespace {

Medium plain_sms() {
    Medium m;
    m.sms = true;
    m.unicode = false;
    return m;
}

Medium zalo() {
    Medium m;
    m.buttons = true;
    return m;
}

std::string all_text(const std::vector<Reply>& replies) {
    std::string out;
    for (const Reply& r : replies) out += r.text + "\n";
    return out;
}

const OfficerCard officer{"Nguyễn Văn A", "Công chức Tư pháp - Hộ tịch", "+84900000001"};
const OfficeHours weekdays = parse_office_hours("Mon-Fri 07:30-11:30,13:30-17:00").value();

TEST(EscalationWording, TheCitizenLearnsWhoAndWhen) {
    const EscalationWording wording(testing::shipped_content());
    const std::string open = all_text(wording.opened(12, officer, weekdays, {1, 9 * 60}, zalo()));
    EXPECT_NE(open.find("#12"), std::string::npos);
    EXPECT_NE(open.find("Nguyễn Văn A, Công chức Tư pháp - Hộ tịch, điện thoại +84900000001"), std::string::npos);
    EXPECT_NE(open.find("trả lời ông/bà sớm"), std::string::npos);
    EXPECT_NE(open.find("\"menu\""), std::string::npos);
    const std::string saturday = all_text(wording.opened(12, officer, weekdays, {5, 9 * 60}, zalo()));
    EXPECT_NE(saturday.find("ngoài giờ làm việc; cán bộ sẽ trả lời từ sáng thứ Hai 07:30"), std::string::npos);
    const std::string lunch = all_text(wording.opened(12, officer, weekdays, {1, 12 * 60}, zalo()));
    EXPECT_NE(lunch.find("chiều nay 13:30"), std::string::npos);
    const std::string evening = all_text(wording.opened(12, officer, weekdays, {1, 20 * 60}, plain_sms()));
    EXPECT_NE(evening.find("sang mai 07:30"), std::string::npos);
}

TEST(EscalationWording, TheOfficerBriefIsPlainSmsWithTheProtocol) {
    const EscalationWording wording(testing::shipped_content());
    CaseBrief brief{123, "Xã Yết Kiêu", "khai_tu", "ho_tich", std::string(400, 'x') + " tôi cần hỏi",
                    "+84912345678", ""};
    const auto replies = wording.brief(brief, plain_sms());
    const std::string text = all_text(replies);
    for (const Reply& r : replies) EXPECT_TRUE(is_gsm7(r.text)) << r.text;
    EXPECT_NE(text.find("#123 Xa Yet Kieu - Ho tich (Dang ky khai tu)"), std::string::npos);
    EXPECT_NE(text.find("+84912345678"), std::string::npos);
    EXPECT_NE(text.find("\"#123 <noi dung>\""), std::string::npos);
    EXPECT_NE(text.find("\"#123 xong\""), std::string::npos);
    EXPECT_EQ(text.find(std::string(301, 'x')), std::string::npos);  // the question is shortened
    brief.citizen_phone = "";
    brief.procedure = "";
    brief.field = "";
    const std::string unknown = all_text(wording.brief(brief, plain_sms()));
    EXPECT_EQ(unknown.find("SDT"), std::string::npos);
    EXPECT_NE(unknown.find("Hoi chung"), std::string::npos);
}

TEST(EscalationWording, OfficerHintsListTheNumbers) {
    const EscalationWording wording(testing::shipped_content());
    EXPECT_NE(all_text(wording.hint(OfficerHint::which, {4, 9}, plain_sms())).find("#4, #9"), std::string::npos);
    EXPECT_NE(all_text(wording.hint(OfficerHint::unknown_number, {77}, plain_sms())).find("#77"), std::string::npos);
}

TEST(EscalationWording, ShortenedCutsAtAWord) {
    EXPECT_EQ(shortened("ngắn", 10), "ngắn");
    const std::string cut = shortened("một hai ba bốn năm sáu bảy", 12);
    EXPECT_LE(code_points(cut), 12u);
    EXPECT_EQ(cut, "một hai...");
}

}  // namespace
}  // namespace motcua::dialogs
