#include "dialogs/render.hpp"

#include <gtest/gtest.h>

#include "dialogs/text.hpp"

namespace motcua::dialogs {
namespace {

auto at_most(std::size_t n) {
    return [n](const std::string& part) { return code_points(part) <= n; };
}

std::string prompt(std::size_t page, std::size_t pages) {
    return "Nhắn 0 để xem tiếp (" + std::to_string(page) + "/" + std::to_string(pages) + ").";
}

TEST(SplitToFit, KeepsTextThatFits) {
    EXPECT_EQ(split_to_fit("a\nb", at_most(10)), (std::vector<std::string>{"a\nb"}));
}

TEST(SplitToFit, PrefersLineEnds) {
    EXPECT_EQ(split_to_fit("aaaa\nbbbb\ncccc", at_most(9)),
              (std::vector<std::string>{"aaaa\nbbbb", "cccc"}));
}

TEST(SplitToFit, ThenSentencesThenWords) {
    EXPECT_EQ(split_to_fit("Một hai. Ba bốn năm.", at_most(11)),
              (std::vector<std::string>{"Một hai.", "Ba bốn năm."}));
    EXPECT_EQ(split_to_fit("một hai ba bốn", at_most(8)),
              (std::vector<std::string>{"một hai", "ba bốn"}));
}

TEST(SplitToFit, ThenCharactersAndAlwaysProgresses) {
    EXPECT_EQ(split_to_fit("tửtửtử", at_most(4)), (std::vector<std::string>{"tửtử", "tử"}));
    EXPECT_EQ(split_to_fit("ab", at_most(0)), (std::vector<std::string>{"a", "b"}));
}

TEST(Render, NumbersChoicesAfterTheBodyAndBeforeTheFooter) {
    Medium plain;
    Rendering r = render(Message{"Chọn:", {"Một", "Hai"}, "Nhắn 0 để về menu chính."}, plain, prompt);
    ASSERT_EQ(r.replies.size(), 1u);
    EXPECT_EQ(r.replies[0].text, "Chọn:\n1. Một\n2. Hai\nNhắn 0 để về menu chính.");
    EXPECT_TRUE(r.replies[0].choices.empty());
    EXPECT_TRUE(r.pending.empty());
}

TEST(Render, ButtonsAtMostFiveWithNumbersAsPayload) {
    Medium zalo;
    zalo.buttons = true;
    Rendering r = render(Message{"Chọn:", {"a", "b", "c", "d", "e", "f", "g"}, ""}, zalo, prompt);
    ASSERT_EQ(r.replies.size(), 1u);
    ASSERT_EQ(r.replies[0].choices.size(), kMaxButtons);
    EXPECT_EQ(r.replies[0].choices[4].title, "e");
    EXPECT_EQ(r.replies[0].choices[4].payload, "5");
    EXPECT_NE(r.replies[0].text.find("7. g"), std::string::npos);
}

TEST(Render, SmsWithoutUnicodeConvertsEverythingIncludingThePrompt) {
    Medium sms;
    sms.sms = true;
    sms.unicode = false;
    sms.max_segments = 1;
    std::string body;
    for (int i = 0; i < 10; ++i) body += "Dòng số " + std::to_string(i) + " của câu trả lời dài.\n";
    Rendering r = render(Message{body, {"Một"}, ""}, sms, prompt);
    ASSERT_EQ(r.replies.size(), 1u);
    ASSERT_FALSE(r.pending.empty());
    EXPECT_NE(r.replies[0].text.find("Nhan 0 de xem tiep (1/"), std::string::npos);
    for (const std::string& part : r.pending) {
        EXPECT_TRUE(is_gsm7(part)) << part;
        EXPECT_EQ(sms_segments(part), 1u) << part;
    }
    EXPECT_NE(r.pending.back().find("1. Mot"), std::string::npos);
}

TEST(Render, BadMediumValuesDoNotBreakRendering) {
    Medium sms;
    sms.sms = true;
    sms.max_segments = 0;  // read as 1
    Rendering r = render(Message{std::string(400, 'a'), {}, ""}, sms, prompt);
    EXPECT_EQ(sms_segments(r.replies[0].text), 1u);
    Medium unlimited;
    unlimited.max_chars = 0;
    EXPECT_EQ(render(Message{std::string(5000, 'a'), {}, ""}, unlimited, prompt).replies.size(), 1u);
}

}  // namespace
}  // namespace motcua::dialogs
