#include "bot/officer_validation.hpp"

#include <gtest/gtest.h>

#include "tests/bot/references_fixture.hpp"

namespace motcua::bot {
namespace {

using nlohmann::json;
using testing::test_references;

json valid_body() {
    return {{"name", "Nguyễn Văn A"}, {"title", "Công chức Tư pháp - Hộ tịch"}, {"phone", "0900000001"},
            {"unit", "yet-kieu"}, {"fields", {"ho_tich", "chung_thuc"}}, {"backup", "officer-2"}, {"active", true}};
}

std::string blamed(const json& body, const std::string& id = "officer-1") {
    const auto result = officer_from_json(id, body, test_references());
    if (const auto* problem = std::get_if<FieldProblem>(&result)) return problem->field;
    return "";
}

json with(const std::string& name, const json& value) {
    auto body = valid_body();
    body[name] = value;
    return body;
}

TEST(OfficerValidation, AValidOfficerHasAnE164Phone) {
    const auto result = officer_from_json("officer-1", valid_body(), test_references());
    ASSERT_TRUE(std::holds_alternative<store::Officer>(result)) << std::get<FieldProblem>(result).text();
    const auto& officer = std::get<store::Officer>(result);
    EXPECT_EQ(officer.phone, "+84900000001");
    EXPECT_EQ(officer.fields, (std::vector<std::string>{"ho_tich", "chung_thuc"}));
    EXPECT_EQ(officer_json(officer)["phone"], "+84900000001");
}

TEST(OfficerValidation, DefaultsForOptionalMembers) {
    auto body = valid_body();
    body.erase("fields");
    body.erase("backup");
    body.erase("active");
    const auto result = officer_from_json("officer-1", body, test_references());
    ASSERT_TRUE(std::holds_alternative<store::Officer>(result));
    EXPECT_TRUE(std::get<store::Officer>(result).active);
    EXPECT_TRUE(std::get<store::Officer>(result).fields.empty());
    EXPECT_TRUE(officer_json(std::get<store::Officer>(result))["backup"].is_null());
}

TEST(OfficerValidation, EachBadValueNamesItsField) {
    EXPECT_EQ(blamed(with("phone", "not a phone")), "phone");
    EXPECT_EQ(blamed(with("phone", 900000001)), "phone");
    EXPECT_EQ(blamed(with("unit", "ha-noi")), "unit");
    EXPECT_EQ(blamed(with("fields", {"ho_tich", "thue"})), "fields");
    EXPECT_EQ(blamed(with("fields", "ho_tich")), "fields");
    EXPECT_EQ(blamed(with("active", "yes")), "active");
    EXPECT_EQ(blamed(with("backup", "officer-1")), "backup");
    EXPECT_EQ(blamed(with("backup", "Officer Two")), "backup");
    EXPECT_EQ(blamed(with("name", "")), "name");
    EXPECT_EQ(blamed(with("nickname", "A")), "nickname");
    EXPECT_EQ(blamed(with("id", "officer-2")), "id");
    for (const char* required : {"name", "title", "phone", "unit"}) {
        auto body = valid_body();
        body.erase(required);
        EXPECT_EQ(blamed(body), required);
    }
}

TEST(OfficerValidation, Ids) {
    EXPECT_TRUE(is_officer_id("yet-kieu_tu-phap-2"));
    EXPECT_FALSE(is_officer_id(""));
    EXPECT_FALSE(is_officer_id("Officer"));
    EXPECT_FALSE(is_officer_id("a/b"));
    EXPECT_FALSE(is_officer_id(std::string(65, 'a')));
}

}  // namespace
}  // namespace motcua::bot
