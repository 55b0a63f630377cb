#include "dialogs/dossier_code.hpp"

#include <gtest/gtest.h>

namespace motcua::dialogs {
namespace {

void expect_code(std::string_view text, std::string_view code) {
    const auto found = find_dossier_code(text);
    ASSERT_TRUE(found) << text;
    EXPECT_EQ(*found, code) << text;
}

TEST(DossierCode, TheDomainExamples) {
    for (const char* code : {"H23.22-220110-0001", "H15.50.05.13-261008-0975",
                             "000.00.20.H23-220110-0001", "38.98.H29-210519-0003",
                             "G09.20-20260609-0092637"}) {
        expect_code(code, code);
    }
}

TEST(DossierCode, AnywhereInAMessage) {
    expect_code("tra cuu ho so H23.22-220110-0001 giup em", "H23.22-220110-0001");
    expect_code("Mã hồ sơ: H23.22-220110-0001.", "H23.22-220110-0001");
    expect_code("hồ sơ 38.98.H29-210519-0003, xong chưa ạ?", "38.98.H29-210519-0003");
    expect_code("(G09.20-20260609-0092637)", "G09.20-20260609-0092637");
    expect_code("sđt 0912345678, mã H23.22-220110-0001", "H23.22-220110-0001");
}

TEST(DossierCode, AsCitizensRetypeIt) {
    expect_code("h23.22-220110-0001", "H23.22-220110-0001");
    expect_code("h23.22 - 220110 - 0001", "H23.22-220110-0001");
    expect_code("H23.22 220110 0001", "H23.22-220110-0001");
    expect_code("H23.22-2201100001", "H23.22-220110-0001");
    expect_code("H23.22 2201100001", "H23.22-220110-0001");
    expect_code("000.00.20.h23 - 220110-0001", "000.00.20.H23-220110-0001");
    expect_code("G09.20-202606090092637", "G09.20-20260609-0092637");
    expect_code("H23.22\u2013220110\u20130001", "H23.22-220110-0001");  // en dashes
}

TEST(DossierCode, MissingDashesOnlyWhereUnambiguous) {
    // 12 digits: 6+6 and 8+4 would both be valid here, so it is not read as a code.
    EXPECT_FALSE(find_dossier_code("H23.22-201201010001"));
    // 201301010001: "201301" is no date (month 13), so only 8+4 is left.
    expect_code("H23.22-201301010001", "H23.22-20130101-0001");
}

TEST(DossierCode, NearMissesAreNotCodes) {
    for (const char* text :
         {"0912345678", "+84 912 345 678", "goi 0912 345 678", "ngay 20/11/2026",
          "20-11-2026", "200.000đ", "le phi 1.000.000 đồng", "12345", "1.000656",
          "ma thu tuc 1.000656 va 2.002913", "phien ban 1.2.3", "H23.22", "H23.22-220110",
          "H23.22-220110-001", "H23.22-220110-00012345", "H23.22-221310-0001",
          "22.33-220110-0001", "H2322-220110-0001", "AH23.22-220110-0001x", "", "   ", "🙂"}) {
        EXPECT_FALSE(find_dossier_code(text)) << text << " read as " << *find_dossier_code(text);
    }
}

TEST(DossierCode, BadBytesAreNoCrash) {
    EXPECT_FALSE(find_dossier_code(std::string("\xff\xfe H23.\xc3", 8)));
    expect_code(std::string("\xff H23.22-220110-0001 \xc3"), "H23.22-220110-0001");
}

}  // namespace
}  // namespace motcua::dialogs
