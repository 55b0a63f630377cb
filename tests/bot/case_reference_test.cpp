#include "bot/case_reference.hpp"

#include <gtest/gtest.h>

#include <string>

namespace motcua::bot {
namespace {

// The case's number and the answer, or {-1, ""} when the text names no case.
std::pair<std::int64_t, std::string> read(std::string_view text) {
    const auto reference = read_case_reference(text);
    if (!reference) return {-1, ""};
    return {reference->number, std::string(reference->rest)};
}

TEST(CaseReference, ANumberAfterAHashNamesTheCase) {
    EXPECT_EQ(read("#12 Ong mang giay bao tu"), std::make_pair(std::int64_t{12}, std::string("Ong mang giay bao tu")));
    EXPECT_EQ(read("  # 7: xong"), std::make_pair(std::int64_t{7}, std::string("xong")));
    EXPECT_EQ(read("#3.- , ok"), std::make_pair(std::int64_t{3}, std::string("ok")));
    EXPECT_EQ(read("#4\nmang CCCD"), std::make_pair(std::int64_t{4}, std::string("mang CCCD")));
    EXPECT_EQ(read("#5"), std::make_pair(std::int64_t{5}, std::string()));
    EXPECT_EQ(read("#6đã xong"), std::make_pair(std::int64_t{6}, std::string("đã xong")));  // a letter beyond ASCII
    EXPECT_EQ(read("#999999999999999999 x"), std::make_pair(std::int64_t{999999999999999999}, std::string("x")));
}

TEST(CaseReference, OtherTextsNameNoCase) {
    for (const char* text : {"", "#", "# ", "#x", "12 ok", "ok #12", "#12abc", "#12_", "##12", "#1234567890123456789 x",
                             "Chao ong, ong can giay bao tu"})
        EXPECT_FALSE(read_case_reference(text)) << text;
}

// Both used to be matched by std::regex, which recursed once per character and overflowed the
// stack: a request body holds 64 KiB.
TEST(CaseReference, LongTextsAreReadWithoutRecursion) {
    const std::string spaces(200'000, ' ');
    EXPECT_FALSE(read_case_reference(spaces));
    EXPECT_EQ(read(spaces + "#8 ok"), std::make_pair(std::int64_t{8}, std::string("ok")));
    const std::string answer(200'000, 'x');
    EXPECT_EQ(read("#9 " + answer).second.size(), answer.size());
}

}  // namespace
}  // namespace motcua::bot
