#include "bot/officer_routing.hpp"

#include <gtest/gtest.h>

namespace motcua::bot {
namespace {

store::Officer officer(const std::string& id, const std::string& unit, std::vector<std::string> fields,
                       const std::string& backup = "", bool active = true) {
    return {id, "Cán bộ " + id, "Công chức", "+8490000000" + id.substr(id.size() - 1), unit, std::move(fields), backup,
            active};
}

const std::vector<store::Officer> officers = {
    officer("a-1", "yet-kieu", {"chung_thuc"}, "a-3"),
    officer("a-2", "yet-kieu", {"ho_tich", "chung_thuc"}, "a-1"),
    officer("a-3", "yet-kieu", {"ho_tich"}, "", false),
    officer("b-1", "gia-loc", {"ho_tich"}),
};

TEST(OfficerRouting, UnitAndFieldMatch) {
    EXPECT_EQ(route_escalation(officers, "yet-kieu", "ho_tich")->id, "a-2");
    EXPECT_EQ(route_escalation(officers, "yet-kieu", "chung_thuc")->id, "a-1");
    EXPECT_EQ(route_escalation(officers, "gia-loc", "ho_tich")->id, "b-1");
}

TEST(OfficerRouting, AnUnknownSubjectOrNoSpecialistGoesToTheUnit) {
    EXPECT_EQ(route_escalation(officers, "yet-kieu", "")->id, "a-1");
    EXPECT_EQ(route_escalation(officers, "yet-kieu", "dat_dai")->id, "a-1");
    EXPECT_EQ(route_escalation(officers, "gia-loc", "chung_thuc")->id, "b-1");
}

TEST(OfficerRouting, InactiveOfficersAndOtherUnitsNever) {
    EXPECT_FALSE(route_escalation(officers, "truong-tan", "ho_tich"));
    EXPECT_EQ(route_escalation(officers, "yet-kieu", "ho_tich", {"a-2"})->id, "a-1");  // a-3 is inactive
    EXPECT_FALSE(route_escalation(officers, "gia-loc", "ho_tich", {"b-1"}));
}

TEST(OfficerRouting, NextOfficerIsTheActiveBackupElseAnother) {
    EXPECT_EQ(next_officer(officers, officers[1], "yet-kieu", "ho_tich", {"a-2"})->id, "a-1");  // a-2's backup
    // a-1's backup a-3 is inactive: another officer of the unit and field.
    EXPECT_EQ(next_officer(officers, officers[0], "yet-kieu", "chung_thuc", {"a-1"})->id, "a-2");
    EXPECT_FALSE(next_officer(officers, officers[3], "gia-loc", "ho_tich", {"b-1"}));
}

TEST(OfficerRouting, NobodyGetsTheSameCaseTwice) {
    // a-2 passed it to its backup a-1, who did not answer either: nobody is left.
    EXPECT_FALSE(next_officer(officers, officers[0], "yet-kieu", "ho_tich", {"a-1", "a-2"}));
}

}  // namespace
}  // namespace motcua::bot
