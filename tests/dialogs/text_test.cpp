#include "dialogs/text.hpp"

#include <gtest/gtest.h>

#include <string>

namespace motcua::dialogs {
namespace {

const std::string kKhaiTuNfc = "khai t\u1eed";        // ử precomposed
const std::string kKhaiTuNfd = "khai tu\u031b\u0309";  // u + horn + hook above

std::string repeat(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

TEST(Nfc, ComposesDecomposedVietnamese) {
    EXPECT_NE(kKhaiTuNfc, kKhaiTuNfd);
    EXPECT_EQ(nfc(kKhaiTuNfd), kKhaiTuNfc);
    EXPECT_EQ(nfc(kKhaiTuNfc), kKhaiTuNfc);
}

TEST(Nfc, ReplacesInvalidUtf8InsteadOfFailing) {
    EXPECT_EQ(nfc("a\xff" "b"), "a\xef\xbf\xbd" "b");
}

TEST(Fold, StripsDiacriticsCaseAndPunctuation) {
    EXPECT_EQ(fold("Đăng ký KHAI TỬ!"), "dang ky khai tu");
    EXPECT_EQ(fold("  bà,, tôi...mất  "), "ba toi mat");
    EXPECT_EQ(fold("Hồ sơ H23.22-220110-0001"), "ho so h23 22 220110 0001");
}

TEST(Fold, TreatsComposedAndDecomposedAlike) {
    EXPECT_EQ(fold(kKhaiTuNfd), "khai tu");
    EXPECT_EQ(fold(kKhaiTuNfc), "khai tu");
}

TEST(Fold, MapsDToD) {
    EXPECT_EQ(fold("đ"), "d");
    EXPECT_EQ(fold("Đ"), "d");
    EXPECT_EQ(fold("đc"), "dc");
}

TEST(Fold, EmptyAndSymbolsOnly) {
    EXPECT_EQ(fold(""), "");
    EXPECT_EQ(fold(" 🙏 !? "), "");
}

TEST(ToGsmAscii, StripsDiacriticsKeepingCase) {
    EXPECT_EQ(to_gsm_ascii("Đăng ký khai tử tại UBND Xã"), "Dang ky khai tu tai UBND Xa");
    EXPECT_EQ(to_gsm_ascii(kKhaiTuNfd), "khai tu");
}

TEST(ToGsmAscii, MakesTypographyAscii) {
    EXPECT_EQ(to_gsm_ascii("“Giấy báo tử” ‘x’"), "\"Giay bao tu\" 'x'");
    EXPECT_EQ(to_gsm_ascii("a\u00a0b\u2009c"), "a b c");
    EXPECT_EQ(to_gsm_ascii("7:30 – 11:30 — xong…"), "7:30 - 11:30 - xong...");
}

TEST(ToGsmAscii, DropsEmojiAndAvoidsExtensionCharacters) {
    EXPECT_EQ(to_gsm_ascii("Cảm ơn 🙏"), "Cam on ");
    EXPECT_EQ(to_gsm_ascii("{a} [b] ~c | d\\e ^f `g`"), "(a) (b) -c / d/e f 'g'");
    EXPECT_EQ(to_gsm_ascii("10.000₫"), "10.000d");
    EXPECT_EQ(to_gsm_ascii("a\tb\r\nc"), "a b\nc");
}

TEST(ToGsmAscii, ResultIsAlwaysGsm7) {
    const std::string mixed = "Lệ phí: 2.000đ/trang “bản sao” … 🙂 中文 Привет € £";
    const std::string converted = to_gsm_ascii(mixed);
    EXPECT_TRUE(is_gsm7(converted)) << converted;
    EXPECT_EQ(sms_segments(converted), 1u);
}

TEST(IsGsm7, BasicAndExtensionSets) {
    EXPECT_TRUE(is_gsm7("Hello @ $ _ !"));
    EXPECT_TRUE(is_gsm7("é è à ü Ñ £ €{}[]"));
    EXPECT_FALSE(is_gsm7("tử"));
    EXPECT_FALSE(is_gsm7("đ"));
    EXPECT_FALSE(is_gsm7("`"));
    EXPECT_FALSE(is_gsm7("🙂"));
    EXPECT_TRUE(is_gsm7(""));
}

TEST(SmsSegments, Gsm7SingleAndConcatenated) {
    EXPECT_EQ(sms_segments(""), 0u);
    EXPECT_EQ(sms_segments(repeat("a", 160)), 1u);
    EXPECT_EQ(sms_segments(repeat("a", 161)), 2u);
    EXPECT_EQ(sms_segments(repeat("a", 306)), 2u);
    EXPECT_EQ(sms_segments(repeat("a", 307)), 3u);
}

TEST(SmsSegments, ExtensionCharactersCountTwoAndAreNotSplit) {
    EXPECT_EQ(sms_segments(repeat("€", 80)), 1u);   // 160 septets
    EXPECT_EQ(sms_segments(repeat("€", 81)), 2u);   // 162 septets
    EXPECT_EQ(sms_segments(repeat("a", 152) + "{" + repeat("a", 152)), 3u);  // "{" moves on
    EXPECT_EQ(sms_segments(repeat("a", 151) + "{" + repeat("a", 153)), 2u);
}

TEST(SmsSegments, Ucs2CountsUtf16Units) {
    EXPECT_EQ(sms_segments(repeat("ă", 70)), 1u);
    EXPECT_EQ(sms_segments(repeat("ă", 71)), 2u);
    EXPECT_EQ(sms_segments(repeat("ă", 134)), 2u);
    EXPECT_EQ(sms_segments(repeat("ă", 135)), 3u);
    EXPECT_EQ(sms_segments(repeat("🙂", 35)), 1u);  // 70 units
    EXPECT_EQ(sms_segments(repeat("🙂", 36)), 2u);
    // A surrogate pair is never split across parts.
    EXPECT_EQ(sms_segments(repeat("a", 66) + "🙂" + repeat("a", 66)), 3u);
}

TEST(SmsSegments, OneVietnameseLetterForcesUcs2) {
    EXPECT_EQ(sms_segments(repeat("a", 100)), 1u);
    EXPECT_EQ(sms_segments(repeat("a", 99) + "ư"), 2u);
}

TEST(CodePoints, CountsCharactersNotBytes) {
    EXPECT_EQ(code_points("tử"), 2u);
    EXPECT_EQ(code_points(kKhaiTuNfd), 9u);
    EXPECT_EQ(code_points("🙂"), 1u);
}

TEST(LeadingCharacters, CountsCodePointsAndNeverCutsOne) {
    EXPECT_EQ(leading_characters("tử vong", 2), "tử");
    EXPECT_EQ(leading_characters("🙂🙂", 1), "🙂");
    EXPECT_EQ(leading_characters("ab", 5), "ab");
    EXPECT_EQ(leading_characters("", 3), "");
    EXPECT_EQ(leading_characters("abc", 0), "");
    EXPECT_EQ(leading_characters("\xff\xfe" "ab", 2), "\xff\xfe");  // each ill-formed byte counts as one
}

}  // namespace
}  // namespace motcua::dialogs
