// The labelled corpus (tests/testdata/corpus/messages.json): citizen messages as they arrive,
// each with what it means. Prints the accuracy and every miss; fails below kMinAccuracy.
#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "dialogs/understanding.hpp"
#include "tests/dialogs/dialogs_fixture.hpp"

namespace motcua::dialogs {
namespace {

using nlohmann::json;

constexpr double kMinAccuracy = 0.95;

json corpus() {
    std::ifstream in(std::string(MOTCUA_TESTDATA_DIR) + "/corpus/messages.json");
    return json::parse(in);
}

std::string describe(const std::string& intent, const std::string& procedure,
                     const std::string& code, const std::string& unit) {
    std::string out = intent;
    if (!procedure.empty()) out += " procedure=" + procedure;
    if (!code.empty()) out += " dossier_code=" + code;
    if (!unit.empty()) out += " unit=" + unit;
    return out;
}

TEST(Corpus, IsLargeAndCoversEveryIntentAndProcedure) {
    const json doc = corpus();
    const json& messages = doc.at("messages");
    EXPECT_GE(messages.size(), 150u);
    std::set<std::string> intents;
    std::set<std::string> procedures;
    for (const json& m : messages) {
        intents.insert(m.at("intent").get<std::string>());
        procedures.insert(m.value("procedure", ""));
    }
    EXPECT_EQ(intents.size(), 8u);
    for (const Procedure& p : testing::shipped_content()->catalog.procedures) {
        EXPECT_TRUE(procedures.contains(p.id)) << p.id;
    }
}

TEST(Corpus, UnderstandingAccuracy) {
    const json doc = corpus();
    std::vector<UnitName> units;
    for (const json& u : doc.at("units")) {
        units.push_back({u.at("id").get<std::string>(), u.at("name").get<std::string>()});
    }
    const Content& content = *testing::shipped_content();
    std::size_t total = 0;
    std::size_t right = 0;
    std::ostringstream misses;
    for (const json& m : doc.at("messages")) {
        const std::string text = m.at("text").get<std::string>();
        const std::string expected = describe(m.at("intent").get<std::string>(),
                                              m.value("procedure", ""),
                                              m.value("dossier_code", ""), m.value("unit", ""));
        const Understanding u = understand(text, content, units);
        const std::string got = describe(std::string(intent_name(u.intent)), u.procedure,
                                         u.dossier_code, u.unit);
        ++total;
        if (got == expected) {
            ++right;
        } else {
            misses << "  miss: \"" << text << "\"\n    expected " << expected << "\n    got      "
                   << got << "\n";
        }
    }
    std::ostringstream accuracy;
    accuracy.precision(1);
    accuracy << std::fixed << "understanding accuracy: " << right << "/" << total << " = "
             << 100.0 * static_cast<double>(right) / static_cast<double>(total) << "%";
    std::cout << accuracy.str() << "\n" << misses.str();
    EXPECT_GE(static_cast<double>(right), kMinAccuracy * static_cast<double>(total))
        << accuracy.str() << "\n" << misses.str();
}

}  // namespace
}  // namespace motcua::dialogs
