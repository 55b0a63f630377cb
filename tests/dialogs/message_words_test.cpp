#include "dialogs/message_words.hpp"

#include <gtest/gtest.h>

#include "dialogs/telex.hpp"
#include "dialogs/typos.hpp"
#include "tests/dialogs/dialogs_fixture.hpp"

namespace motcua::dialogs {
namespace {

using Strings = std::vector<std::string>;

std::string read(const std::string& text) {
    std::string out;
    for (const std::string& word : message_words(text, testing::shipped_content()->lexicon)) {
        out += (out.empty() ? "" : " ") + word;
    }
    return out;
}

TEST(SpellingForm, KyAndKiAreOneWord) {
    EXPECT_EQ(spelling_form("ky"), "ki");
    EXPECT_EQ(spelling_form("ki"), "ki");
    EXPECT_EQ(spelling_form("ly"), "li");
    EXPECT_EQ(spelling_form("quy"), "quy");  // "uy" is a vowel pair, not a variant spelling
    EXPECT_EQ(spelling_form("tay"), "tay");
    EXPECT_EQ(spelling_form("y"), "y");
    EXPECT_EQ(phrase_words("dang ky * mat"), (Strings{"dang", "ki", "*", "mat"}));
}

TEST(Telex, ReadingsOfLeftoverKeystrokes) {
    EXPECT_EQ(telex_readings("tuwr"), (Strings{"tu", "tuw", "tur"}));
    EXPECT_EQ(telex_readings("ddang"), (Strings{"dang"}));
    EXPECT_EQ(telex_readings("kys"), (Strings{"ky"}));
    EXPECT_EQ(telex_readings("ddoocj").front(), "doc");
    EXPECT_EQ(telex_readings("thuwowngf").front(), "thuong");
    EXPECT_EQ(telex_readings("nhaapj").front(), "nhap");
    EXPECT_TRUE(telex_readings("khai").empty());
    EXPECT_TRUE(telex_readings("s").empty());
    EXPECT_TRUE(telex_readings("h23").empty());
}

TEST(Typos, OneEditApart) {
    EXPECT_TRUE(one_edit_apart("sinhh", "sinh"));  // insertion
    EXPECT_TRUE(one_edit_apart("sin", "sinh"));    // deletion
    EXPECT_TRUE(one_edit_apart("xinh", "sinh"));   // substitution
    EXPECT_TRUE(one_edit_apart("khia", "khai"));   // neighbours swapped
    EXPECT_FALSE(one_edit_apart("khai", "khai"));
    EXPECT_FALSE(one_edit_apart("kiha", "khai"));  // two edits
    EXPECT_FALSE(one_edit_apart("sinhhh", "sinh"));
    EXPECT_FALSE(one_edit_apart("", "ab"));
}

TEST(Typos, ShortWordsAreNeverCorrectedNorCorrectedInto) {
    const std::set<std::string> vocabulary{"tu", "khai", "sinh", "minh", "hon"};
    EXPECT_TRUE(words_one_edit_away("tuu", vocabulary).empty());
    EXPECT_TRUE(words_one_edit_away("hoon", vocabulary).empty());  // "hon" is short
    EXPECT_EQ(words_one_edit_away("sinhh", vocabulary), (Strings{"sinh"}));
    EXPECT_EQ(words_one_edit_away("xinh", vocabulary), (Strings{"minh", "sinh"}));
    EXPECT_TRUE(words_one_edit_away("sinh", vocabulary).empty());  // known: not a typo
}

TEST(MessageWords, Abbreviations) {
    for (const char* no : {"ko", "k", "kh", "khg", "hok"}) {
        EXPECT_EQ(read(std::string("dc ") + no), "duoc khong") << no;
    }
    EXPECT_EQ(read("đc"), "duoc");
    EXPECT_EQ(read("dk"), "duoc");
    EXPECT_EQ(read("hs cua toi"), "ho so cua toi");
    EXPECT_EQ(read("gap cb"), "gap can bo");
    EXPECT_EQ(read("sdt"), "so dien thoai");
    EXPECT_EQ(read("sđt"), "so dien thoai");
}

TEST(MessageWords, TelexLeftoversOnlyWhenTheWordIsNotKnown) {
    EXPECT_EQ(read("khai tuwr"), "khai tu");
    EXPECT_EQ(read("ddang kys khai sinh"), "dang ki khai sinh");
    EXPECT_EQ(read("gawpj cans booj"), "gap can bo");
    EXPECT_EQ(read("xacs nhaanj ddoocj thaan"), "xac nhan doc than");
}

TEST(MessageWords, TyposAndRunTogetherWords) {
    EXPECT_EQ(read("khai sinhh"), "khai sinh");
    EXPECT_EQ(read("khia tu"), "khai tu");
    EXPECT_EQ(read("khai xinh"), "khai sinh");  // "xinh" is one edit from several; "khai" settles it
    EXPECT_EQ(read("khaisinh"), "khai sinh");
    EXPECT_EQ(read("asdfgh"), "asdfgh");
    EXPECT_EQ(read("mat"), "mat");  // short: never corrected
}

TEST(MessageWords, EveryFormOfTheSameText) {
    const std::string expected = "dang ki khai tu";
    EXPECT_EQ(read("Đăng ký khai tử"), expected);
    EXPECT_EQ(read("Đa\u0306ng ky\u0301 khai tu\u031b\u0309"), expected);  // NFD
    EXPECT_EQ(read("dang ki khai tu"), expected);
    EXPECT_EQ(read("ĐĂNG KÝ KHAI TỬ!!!"), expected);
    EXPECT_EQ(read(""), "");
    EXPECT_EQ(read(std::string("\xff\xfe")), "");
}

}  // namespace
}  // namespace motcua::dialogs
