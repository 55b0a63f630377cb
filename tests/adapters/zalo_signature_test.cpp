#include <gtest/gtest.h>

#include "adapters/zalo/signature.hpp"

namespace motcua::adapters {
namespace {

TEST(ZaloSignature, KnownAnswer) {
    // Computed independently: sha256(app_id + body + timestamp + oa_secret_key) in Python.
    std::string body =
        R"({"app_id":"3482178216594085616","event_name":"follow","timestamp":"1735689800789"})";
    EXPECT_EQ(zalo_signature("3482178216594085616", body, "1735689800789", "Xk29fTqLm81ZbPw4RsVd"),
              "137deddee53c97a7fc034e7c10726055b898b5587bc76f6c37eaf7a858eed94e");
}

TEST(ZaloSignedFields, StringFields) {
    auto fields = zalo_signed_fields(
        R"({"app_id":"3482178216594085616","sender":{"id":"1"},"timestamp":"1735689800789"})");
    EXPECT_EQ(fields.app_id, "3482178216594085616");
    EXPECT_EQ(fields.timestamp, "1735689800789");
}

TEST(ZaloSignedFields, NumbersKeepTheirOwnText) {
    EXPECT_EQ(zalo_signed_fields(R"({"timestamp":1735689800789})").timestamp, "1735689800789");
    EXPECT_EQ(zalo_signed_fields(R"({"timestamp":1.7356898e12})").timestamp, "1.7356898e12");
    EXPECT_EQ(zalo_signed_fields(R"({"timestamp":1735689800789.0})").timestamp, "1735689800789.0");
    EXPECT_EQ(zalo_signed_fields(R"({"timestamp":123456789012345678901234})").timestamp,
              "123456789012345678901234");
    EXPECT_EQ(zalo_signed_fields(R"({"timestamp":-5})").timestamp, "-5");
}

TEST(ZaloSignedFields, OnlyTopLevelFieldsCount) {
    auto nested = zalo_signed_fields(
        R"({"message":{"app_id":"x","timestamp":"1"},"list":[{"timestamp":"2"}],"app_id":"a"})");
    EXPECT_EQ(nested.app_id, "a");
    EXPECT_EQ(nested.timestamp, std::nullopt);
}

TEST(ZaloSignedFields, OtherShapesAreAbsent) {
    auto fields = zalo_signed_fields(R"({"app_id":3482178216594085616,"timestamp":{"ms":"1"}})");
    EXPECT_EQ(fields.app_id, std::nullopt);  // app_id is a string field
    EXPECT_EQ(fields.timestamp, std::nullopt);
    EXPECT_EQ(zalo_signed_fields(R"({"timestamp":null})").timestamp, std::nullopt);
    EXPECT_EQ(zalo_signed_fields(R"({"timestamp":true})").timestamp, std::nullopt);
}

TEST(ZaloSignedFields, TheLastOfRepeatedKeysWins) {
    auto fields = zalo_signed_fields(R"({"timestamp":"1","timestamp":"2","app_id":"x","app_id":[1]})");
    EXPECT_EQ(fields.timestamp, "2");
    EXPECT_EQ(fields.app_id, std::nullopt);
}

TEST(ZaloSignedFields, NothingFromWhatIsNotAnObject) {
    for (const char* body : {"", "[]", R"(["app_id","x"])", "\"app_id\"", "42",
                             R"({"app_id":"x","timestamp":"1")", R"({"app_id":"x",})"}) {
        auto fields = zalo_signed_fields(body);
        EXPECT_EQ(fields.app_id, std::nullopt) << body;
        EXPECT_EQ(fields.timestamp, std::nullopt) << body;
    }
}

}  // namespace
}  // namespace motcua::adapters
