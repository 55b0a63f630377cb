#include <gtest/gtest.h>

#include "adapters/phone.hpp"

namespace motcua::adapters {
namespace {

TEST(ToE164, VietnameseMobileInEveryUsualSpelling) {
    for (const char* written : {"0912345678", "84912345678", "+84912345678", "+84 912 345 678",
                                "0912 345 678", "091.234.5678", "091-234-5678", "(+84) 912345678",
                                "0084912345678", "+84 (0) 912 345 678", "+840912345678"}) {
        EXPECT_EQ(to_e164(written), std::optional<std::string>("+84912345678")) << written;
    }
}

TEST(ToE164, EveryMobilePrefixAndFixedLines) {
    EXPECT_EQ(to_e164("0321234567"), "+84321234567");
    EXPECT_EQ(to_e164("0561234567"), "+84561234567");
    EXPECT_EQ(to_e164("0771234567"), "+84771234567");
    EXPECT_EQ(to_e164("0849123456"), "+84849123456");  // 084 is a mobile prefix, not a country
    EXPECT_EQ(to_e164("02203 123 456"), "+842203123456");  // Hải Dương fixed line
    EXPECT_EQ(to_e164("024 3825 3325"), "+842438253325");  // Hà Nội fixed line
}

TEST(ToE164, OtherCountriesOnlyInInternationalForm) {
    EXPECT_EQ(to_e164("+1 415 555 0100"), "+14155550100");
    EXPECT_EQ(to_e164("0014155550100"), "+14155550100");
    EXPECT_EQ(to_e164("+66 81 234 5678"), "+66812345678");
    EXPECT_EQ(to_e164("14155550100"), std::nullopt);
}

TEST(ToE164, RejectsGarbage) {
    for (const char* written :
         {"", "+", "0", "abc", "09123456789", "091234567", "0112345678", "012345678901",
          "+84123", "+8491234567890", "84 123", "+0912345678", "0912345678x", "09123+45678",
          "++84912345678", "9029", "whatsapp:+84912345678", "0912/345/678", "+1234567",
          "+1234567890123456", "849123456"}) {
        EXPECT_EQ(to_e164(written), std::nullopt) << written;
    }
}

TEST(MaskPhone, HidesTheMiddle) {
    EXPECT_EQ(mask_phone("+84912345678"), "+8491****678");
    EXPECT_EQ(mask_phone("+842438253325"), "+8424*****325");
    EXPECT_EQ(mask_phone("+14155550100"), "+1415****100");
}

TEST(MaskPhone, NeverShowsAShortNumberWhole) {
    EXPECT_EQ(mask_phone("12345678"), "******78");
    EXPECT_EQ(mask_phone("9029"), "**29");
    EXPECT_EQ(mask_phone("12"), "**");
    EXPECT_EQ(mask_phone(""), "");
}

TEST(MaskPhonesIn, MasksEveryNumberInAText) {
    EXPECT_EQ(mask_phones_in("The 'To' number +84912345678 is not a valid phone number."),
              "The 'To' number +8491****678 is not a valid phone number.");
    EXPECT_EQ(mask_phones_in("Công dân: 0912 345 678, gọi lại 0912.345.678"),
              "Công dân: +8491****678, gọi lại +8491****678");
    EXPECT_EQ(mask_phones_in("0084912345678"), "+8491****678");
    EXPECT_EQ(mask_phones_in("SĐT:024 3825 3325 (máy bàn)"), "SĐT:+8424*****325 (máy bàn)");
    // Not a phone number anyone could dial, but long enough to be one somewhere.
    EXPECT_EQ(mask_phones_in("id 12345678901234567"), "id ***************67");
    EXPECT_EQ(mask_phones_in("0912345678x"), "+8491****678x");
    EXPECT_EQ(mask_phones_in("sdt0912345678"), "sdt+8491****678");
}

TEST(MaskPhonesIn, MasksNumbersHoweverTheirDigitsAreGrouped) {
    for (const std::string text : {"0912-345-678", "+84-912-345-678", "0912  345 678", "0912\u00a0345\u00a0678",
                                   "(+84) 912 345 678", "+84 (0) 912 345 678", "0912. 345. 678"}) {
        const std::string masked = mask_phones_in(text);
        EXPECT_NE(masked.find("****678"), std::string::npos) << text << " -> " << masked;
        EXPECT_EQ(masked.find("345"), std::string::npos) << text << " -> " << masked;
    }
    EXPECT_EQ(mask_phones_in("(024) 3825 3325"), "(+8424*****325");
}

TEST(MaskPhonesIn, LeavesDossierCodesAndShortNumbersAlone) {
    for (const std::string text :
         {"Hồ sơ H15.50.05.13-261008-0975 đã xử lý xong", "000.00.20.H23-220110-0001",
          "G09.20-20260609-0092637", "38.98.H29-210519-0003", "error 21610", "Lệ phí 8.000 đồng, 15 ngày",
          "hẹn 27/11/2026 lúc 08:30", "12345678", "", "+", "+8", "số 1 2 3", "1-2-3-4"}) {
        EXPECT_EQ(mask_phones_in(text), text);
    }
}

}  // namespace
}  // namespace motcua::adapters
