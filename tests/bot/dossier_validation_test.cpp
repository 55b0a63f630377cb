#include "bot/dossier_validation.hpp"

#include <gtest/gtest.h>

#include "tests/bot/references_fixture.hpp"

namespace motcua::bot {
namespace {

using nlohmann::json;
using testing::test_references;

DossierFields valid_fields() {
    return {{"procedure", "khai_tu"},       {"unit", "yet-kieu"},      {"status", "processing"},
            {"received_at", "2026-11-20"},  {"due_at", "2026-11-25"},  {"officer", "officer-1"},
            {"applicant_phone", "0912345678"}, {"note", "Bổ sung bản sao giấy báo tử"}};
}

bool known_officer(const std::string& id) { return id == "officer-1"; }

// The field a rejected dossier is blamed on, or "" when it is accepted.
std::string blamed(const DossierFields& fields, const std::string& code = "H23.22-220110-0001") {
    const auto result = validate_dossier(code, fields, test_references());
    if (const auto* problem = std::get_if<FieldProblem>(&result)) return problem->field;
    const auto officer = check_dossier_officer(std::get<store::Dossier>(result), known_officer);
    return officer ? officer->field : "";
}

DossierFields with(const std::string& name, const std::string& value) {
    auto fields = valid_fields();
    fields[name] = value;
    return fields;
}

TEST(DossierValidation, AValidDossierIsCanonicalised) {
    const auto result = validate_dossier("h23.22-220110-0001", valid_fields(), test_references());
    ASSERT_TRUE(std::holds_alternative<store::Dossier>(result)) << std::get<FieldProblem>(result).text();
    const auto& d = std::get<store::Dossier>(result);
    EXPECT_EQ(d.code, "H23.22-220110-0001");
    EXPECT_EQ(d.applicant_phone, "+84912345678");
    EXPECT_EQ(d.note, "Bổ sung bản sao giấy báo tử");
}

TEST(DossierValidation, OptionalFieldsMayBeEmpty) {
    auto fields = valid_fields();
    fields.erase("officer");
    fields["applicant_phone"] = "";
    fields.erase("note");
    EXPECT_EQ(blamed(fields), "");
}

TEST(DossierValidation, EachBadValueNamesItsField) {
    EXPECT_EQ(blamed(valid_fields(), "not-a-code"), "code");
    EXPECT_EQ(blamed(valid_fields(), "H23.22-220110-0001 and more"), "code");
    EXPECT_EQ(blamed(with("procedure", "khai_hoang")), "procedure");
    EXPECT_EQ(blamed(with("unit", "ha-noi")), "unit");
    EXPECT_EQ(blamed(with("status", "Processing")), "status");
    EXPECT_EQ(blamed(with("status", "closed")), "status");
    EXPECT_EQ(blamed(with("received_at", "20/11/2026")), "received_at");
    EXPECT_EQ(blamed(with("received_at", "2026-02-30")), "received_at");
    EXPECT_EQ(blamed(with("due_at", "2026-13-01")), "due_at");
    EXPECT_EQ(blamed(with("due_at", "2026-11-19")), "due_at");  // before it was received
    EXPECT_EQ(blamed(with("officer", "officer-9")), "officer");
    EXPECT_EQ(blamed(with("applicant_phone", "12")), "applicant_phone");
    EXPECT_EQ(blamed(with("note", std::string(3000, 'x'))), "note");
    EXPECT_EQ(blamed(with("note", "\xC3\x28")), "note");
    EXPECT_EQ(blamed(with("colour", "red")), "colour");
    for (const char* required : {"procedure", "unit", "status", "received_at", "due_at"}) {
        EXPECT_EQ(blamed(with(required, "")), required);
    }
}

TEST(DossierValidation, CalendarDates) {
    EXPECT_TRUE(is_calendar_date("2028-02-29"));
    EXPECT_FALSE(is_calendar_date("2026-02-29"));
    EXPECT_FALSE(is_calendar_date("2100-02-29"));
    EXPECT_TRUE(is_calendar_date("2000-02-29"));
    EXPECT_FALSE(is_calendar_date("2026-4-01"));
    EXPECT_FALSE(is_calendar_date("2026-04-31"));
}

TEST(DossierValidation, CodesWrittenAlone) {
    EXPECT_EQ(canonical_dossier_code("000.00.20.h23-220110-0001"), "000.00.20.H23-220110-0001");
    EXPECT_EQ(canonical_dossier_code("G09.20-20260609-0092637"), "G09.20-20260609-0092637");
    EXPECT_FALSE(canonical_dossier_code("0912345678"));
    EXPECT_FALSE(canonical_dossier_code("ma H23.22-220110-0001"));
}

TEST(DossierValidation, JsonBodies) {
    const auto fields = dossier_fields_from_json(
        {{"procedure", "khai_tu"}, {"officer", nullptr}, {"overdue", true}, {"code", "h23.22-220110-0001"}},
        "H23.22-220110-0001");
    ASSERT_TRUE(std::holds_alternative<DossierFields>(fields));
    EXPECT_EQ(std::get<DossierFields>(fields), (DossierFields{{"procedure", "khai_tu"}}));
    auto blame = [](const json& body) {
        const auto result = dossier_fields_from_json(body, "H23.22-220110-0001");
        return std::holds_alternative<FieldProblem>(result) ? std::get<FieldProblem>(result).field : "";
    };
    EXPECT_EQ(blame({{"status", 3}}), "status");
    EXPECT_EQ(blame({{"status", nullptr}}), "status");
    EXPECT_EQ(blame({{"stauts", "done"}}), "stauts");
    EXPECT_EQ(blame({{"code", "H23.22-220110-0002"}}), "code");
}

}  // namespace
}  // namespace motcua::bot
