#include <gtest/gtest.h>

#include "adapters/utf8.hpp"

namespace motcua::adapters {
namespace {

TEST(IsValidUtf8, AcceptsWellFormedText) {
    EXPECT_TRUE(is_valid_utf8(""));
    EXPECT_TRUE(is_valid_utf8("Xã Yết Kiêu"));
    EXPECT_TRUE(is_valid_utf8("Xa\xcc\x83 Y\xc3\xaa\xcc\x81t"));  // NFD
    EXPECT_TRUE(is_valid_utf8("\xf0\x9f\x91\x8d"));             // U+1F44D
    EXPECT_TRUE(is_valid_utf8("\xf4\x8f\xbf\xbf"));             // U+10FFFF
}

TEST(IsValidUtf8, RejectsMalformedBytes) {
    for (const char* text : {"\xc3\x28", "\xc3", "\x80", "\xc0\xaf", "\xe0\x80\xaf",
                             "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xf8\x88\x80\x80\x80",
                             "\xff", "ok\xe1\xba"}) {
        EXPECT_FALSE(is_valid_utf8(text)) << text;
    }
}

TEST(ShortenUtf8, LeavesShortTextAlone) {
    EXPECT_EQ(shorten_utf8("Khai sinh", 100), "Khai sinh");
    EXPECT_EQ(shorten_utf8("Kết hôn", 7), "Kết hôn");
}

TEST(ShortenUtf8, CountsCharactersNotBytes) {
    EXPECT_EQ(shorten_utf8("Đăng ký kết hôn", 8), "Đăng ký…");
    EXPECT_EQ(shorten_utf8("abc", 0), "");
}

TEST(ShortenUtf8, NeverStripsATonemarkFromItsLetter) {
    std::string nfd = "ke\xcc\x82\xcc\x81t";  // "kết" decomposed: k, e, U+0302, U+0301, t
    EXPECT_EQ(shorten_utf8(nfd, 3), "k…");
    EXPECT_EQ(shorten_utf8(nfd, 4), "k…");
    EXPECT_EQ(shorten_utf8(nfd, 5), nfd);
    EXPECT_EQ(shorten_utf8(nfd + "!", 5), "ke\xcc\x82\xcc\x81…");
}

}  // namespace
}  // namespace motcua::adapters
