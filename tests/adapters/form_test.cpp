#include <gtest/gtest.h>

#include "adapters/form.hpp"

namespace motcua::adapters {
namespace {

TEST(DecodeForm, PlusIsASpaceAndPercentIsAByte) {
    auto fields = decode_form("Body=Xin+ch%C3%A0o%21&From=%2B84912345678");
    ASSERT_TRUE(fields.has_value());
    FormFields expected = {{"Body", "Xin chào!"}, {"From", "+84912345678"}};
    EXPECT_EQ(*fields, expected);
}

TEST(DecodeForm, NamesAreDecodedToo) {
    auto fields = decode_form("Media+Url%30=x");
    ASSERT_TRUE(fields.has_value());
    EXPECT_EQ(*fields, (FormFields{{"Media Url0", "x"}}));
}

TEST(DecodeForm, KeepsOrderAndDuplicates) {
    auto fields = decode_form("b=2&a=1&b=3");
    ASSERT_TRUE(fields.has_value());
    EXPECT_EQ(*fields, (FormFields{{"b", "2"}, {"a", "1"}, {"b", "3"}}));
    EXPECT_EQ(*form_value(*fields, "b"), "2");
    EXPECT_EQ(form_value(*fields, "c"), nullptr);
}

TEST(DecodeForm, EmptyPiecesAndMissingValues) {
    EXPECT_EQ(decode_form(""), FormFields{});
    EXPECT_EQ(decode_form("&&"), FormFields{});
    EXPECT_EQ(decode_form("a=1&&b=&c&=d&"),
              (FormFields{{"a", "1"}, {"b", ""}, {"c", ""}, {"", "d"}}));
    EXPECT_EQ(decode_form("a=b=c"), (FormFields{{"a", "b=c"}}));
}

TEST(DecodeForm, HexDigitsInEitherCase) {
    EXPECT_EQ(decode_form("x=%c3%a0%C3%A0"), (FormFields{{"x", "àà"}}));
}

TEST(DecodeForm, DecodedBytesAreNotInterpreted) {
    // %26 and %3D are data, not separators; %00 is a byte like any other.
    EXPECT_EQ(decode_form("q=a%26b%3Dc&z=%00"),
              (FormFields{{"q", "a&b=c"}, {"z", std::string(1, '\0')}}));
}

TEST(DecodeForm, RejectsMalformedEscapes) {
    for (const char* body : {"a=%", "a=%4", "a=50%", "a=%zz", "a=%4g", "%=1", "a=1&b=%G0",
                             "a=%%41"}) {
        EXPECT_FALSE(decode_form(body).has_value()) << body;
    }
}

TEST(EncodeForm, EscapesAllButUnreserved) {
    EXPECT_EQ(encode_form({{"To", "+84912345678"}, {"Body", "Xin chào & tạm biệt ~ 100%"}}),
              "To=%2B84912345678&Body=Xin+ch%C3%A0o+%26+t%E1%BA%A1m+bi%E1%BB%87t+~+100%25");
    EXPECT_EQ(encode_form({}), "");
    EXPECT_EQ(encode_form({{"a-b.c_d~", ""}}), "a-b.c_d~=");
}

TEST(EncodeForm, RoundTrips) {
    FormFields fields = {{"Body", "Dòng 1\nDòng 2\t= & + %"}, {"Body", ""}, {"x y", "é"}};
    EXPECT_EQ(decode_form(encode_form(fields)), fields);
}

}  // namespace
}  // namespace motcua::adapters
