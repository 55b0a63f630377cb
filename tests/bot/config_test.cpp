#include "bot/config.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

namespace motcua::bot {
namespace {

using nlohmann::json;

class ConfigFile : public ::testing::Test {
protected:
    std::filesystem::path path = std::filesystem::temp_directory_path() /
                                 ("motcua-config-" + std::to_string(getpid()) + "-" +
                                  ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".json");
    void TearDown() override { std::filesystem::remove(path); }

    std::vector<ConfigProblem> problems;

    Config load(const std::string& text, const Environment& env = {}) {
        std::ofstream(path) << text;
        return load_config(path.string(), env, problems);
    }
    Config load(const json& j, const Environment& env = {}) { return load(j.dump(), env); }

    static json minimal() {
        return {{"admin_token", "0123456789abcdef"}, {"units", {{{"id", "yet-kieu"}, {"name", "Xã Yết Kiêu"}}}}};
    }

    // "path: message" of every problem, for readable assertions.
    std::vector<std::string> said() const {
        std::vector<std::string> out;
        for (const auto& p : problems) out.push_back(p.path + ": " + p.message);
        return out;
    }
    bool mentions(const std::string& path) const {
        for (const auto& p : problems)
            if (p.path == path) return true;
        return false;
    }
};

TEST_F(ConfigFile, MinimalFileGetsTheDefaultsOfTheSpec) {
    const auto c = load(minimal());
    ASSERT_TRUE(problems.empty()) << ::testing::PrintToString(said());
    EXPECT_FALSE(c.demo);
    EXPECT_EQ(c.listen_host, "127.0.0.1");
    EXPECT_EQ(c.listen_port, 8080);
    EXPECT_EQ(c.database_path, "motcua.db");
    EXPECT_EQ(c.public_base_url, "https://bot.example.vn");
    EXPECT_EQ(c.timezone, "Asia/Ho_Chi_Minh");
    EXPECT_EQ(c.office_hours, "Mon-Fri 07:30-11:30,13:30-17:00");
    EXPECT_FALSE(c.sms);
    EXPECT_FALSE(c.zalo);
    EXPECT_DOUBLE_EQ(c.outbox.initial_s, 5);
    EXPECT_DOUBLE_EQ(c.outbox.max_s, 3600);
    EXPECT_DOUBLE_EQ(c.outbox.give_up_after_s, 86400);
    EXPECT_DOUBLE_EQ(c.escalation.ack_timeout_s, 1800);
    ASSERT_EQ(c.units.size(), 1u);
    EXPECT_EQ(c.units[0].name, "Xã Yết Kiêu");
}

TEST_F(ConfigFile, TheDemoDeploymentIsValid) {
    const auto c = load_config(std::nullopt, {}, problems);
    ASSERT_TRUE(problems.empty()) << ::testing::PrintToString(said());
    EXPECT_TRUE(c.demo);
    EXPECT_EQ(c.source, "<demo>");
    EXPECT_EQ(c.units.size(), 4u);
    EXPECT_TRUE(c.sms);
    EXPECT_TRUE(c.zalo);
}

TEST_F(ConfigFile, UnknownKeysAreNamed) {
    auto j = minimal();
    j["listne"] = "127.0.0.1:1";
    j["outbox"] = {{"retry_inital_s", 1}};
    load(j);
    EXPECT_TRUE(mentions("listne"));
    EXPECT_TRUE(mentions("outbox.retry_inital_s"));
    EXPECT_EQ(problems.front().file, path.string());
}

TEST_F(ConfigFile, RequiredKeysAndTheirRules) {
    load(json::object());
    EXPECT_TRUE(mentions("admin_token"));
    EXPECT_TRUE(mentions("units"));
    problems.clear();
    auto j = minimal();
    j["admin_token"] = "short";
    j["units"].push_back({{"id", "yet-kieu"}, {"name", "Again"}});
    load(j);
    EXPECT_TRUE(mentions("admin_token")) << ::testing::PrintToString(said());
    EXPECT_TRUE(mentions("units[1].id"));
}

TEST_F(ConfigFile, AChannelSectionNeedsEveryCredential) {
    auto j = minimal();
    j["sms"] = {{"account_sid", "AC1"}, {"from", "+84900000000"}, {"auth_token", ""}};
    j["zalo"] = {{"app_id", "1"}};
    load(j);
    EXPECT_TRUE(mentions("sms.auth_token")) << ::testing::PrintToString(said());
    EXPECT_FALSE(mentions("sms.account_sid"));
    for (const char* key : {"zalo.oa_id", "zalo.oa_secret_key", "zalo.app_secret", "zalo.access_token", "zalo.refresh_token"})
        EXPECT_TRUE(mentions(key)) << key;
}

TEST_F(ConfigFile, BadValuesAreNamed) {
    auto j = minimal();
    j["listen"] = "localhost";
    j["timezone"] = "Asia/Hanoi_City";
    j["office_hours"] = "weekdays";
    j["outbox"] = {{"retry_initial_s", "5"}};
    load(j);
    EXPECT_TRUE(mentions("outbox.retry_initial_s")) << ::testing::PrintToString(said());
    problems.clear();
    j["outbox"] = {{"retry_initial_s", 5}};
    load(j);
    EXPECT_TRUE(mentions("listen")) << ::testing::PrintToString(said());
    EXPECT_TRUE(mentions("timezone"));
    EXPECT_TRUE(mentions("office_hours"));
}

TEST_F(ConfigFile, MaxConnectionsIsAnOptionalPositiveCount) {
    EXPECT_EQ(load(minimal()).max_connections, 1024);
    auto j = minimal();
    j["max_connections"] = 16;
    EXPECT_EQ(load(j).max_connections, 16);
    ASSERT_TRUE(problems.empty()) << ::testing::PrintToString(said());
    for (const json& bad : {json(0), json(-3), json(2.5), json("64"), json(5'000'000'000LL)}) {
        problems.clear();
        j["max_connections"] = bad;
        load(j);
        EXPECT_TRUE(mentions("max_connections")) << bad.dump() << ": " << ::testing::PrintToString(said());
    }
}

// Found by fuzzing: 1.4e57 as "threads" was converted to an int (undefined behaviour), and a wide
// integer wrapped around to a valid-looking count. Every whole number is range-checked as read.
TEST_F(ConfigFile, CountsOutOfRangeAreNamedNotConverted) {
    auto j = minimal();
    j["sms"] = {{"account_sid", "AC1"}, {"auth_token", "t"}, {"from", "+84900000000"}};
    j["threads"] = 4;
    j["sms"]["max_segments"] = 5;
    auto c = load(j);
    ASSERT_TRUE(problems.empty()) << ::testing::PrintToString(said());
    EXPECT_EQ(c.threads, 4);
    EXPECT_EQ(c.sms->max_segments, 5);
    for (const json& bad : {json(1.4e57), json(-1), json(257), json(4'294'967'297LL), json(18'446'744'073'709'551'615ULL)}) {
        problems.clear();
        j["threads"] = bad;
        j["sms"]["max_segments"] = bad;
        c = load(j);
        EXPECT_TRUE(mentions("threads")) << bad.dump() << ": " << ::testing::PrintToString(said());
        EXPECT_TRUE(mentions("sms.max_segments")) << bad.dump() << ": " << ::testing::PrintToString(said());
        EXPECT_EQ(c.threads, 0) << bad.dump();
        EXPECT_EQ(c.sms->max_segments, 3) << bad.dump();
    }
}

TEST_F(ConfigFile, DurationsBeyondTenYearsAreRefused) {
    auto j = minimal();
    j["escalation"] = {{"ack_timeout_s", 1e300}, {"handoff_idle_s", 315'360'000}};
    j["outbox"] = {{"give_up_after_s", 1e300}};
    const auto c = load(j);
    EXPECT_TRUE(mentions("escalation.ack_timeout_s")) << ::testing::PrintToString(said());
    EXPECT_TRUE(mentions("outbox.give_up_after_s"));
    EXPECT_FALSE(mentions("escalation.handoff_idle_s"));
    EXPECT_LE(c.escalation.ack_timeout_s, 315'360'000);
}

TEST_F(ConfigFile, OfficeHoursThatAreNotAWeekAreRefused) {
    for (const char* bad : {"Fri-Mon 08:00-17:00", "Mon-Fri 17:00-08:00"}) {
        auto j = minimal();
        j["office_hours"] = bad;
        problems.clear();
        load(j);
        EXPECT_TRUE(mentions("office_hours")) << bad;
    }
    auto j = minimal();
    j["office_hours"] = "Sat 08:00-11:00";
    problems.clear();
    load(j);
    EXPECT_FALSE(mentions("office_hours"));
}

TEST_F(ConfigFile, PortZeroAndIpv6AreAccepted) {
    auto j = minimal();
    j["listen"] = "[::1]:0";
    const auto c = load(j);
    ASSERT_TRUE(problems.empty()) << ::testing::PrintToString(said());
    EXPECT_EQ(c.listen_host, "::1");
    EXPECT_EQ(c.listen_port, 0);
}

TEST_F(ConfigFile, PostgresqlIsRefusedClearlyForNow) {
    auto j = minimal();
    j["database"] = "postgresql://motcua@db/motcua";
    load(j);
    ASSERT_TRUE(mentions("database"));
}

TEST_F(ConfigFile, NotJsonOrMissingFileIsAProblemNotACrash) {
    load(std::string("{\"admin_token\": \"0123456789abcdef\",\n threads: 1}"));
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].path, "$");
    EXPECT_NE(problems[0].message.find("invalid JSON"), std::string::npos) << problems[0].message;
    EXPECT_NE(problems[0].message.find("line 2, column 3"), std::string::npos) << problems[0].message;
    problems.clear();
    // Found by fuzzing: a number beyond a double's range threw past the parse error's handler.
    load(std::string("{\"threads\": 111618400333205542e558}"));
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].message.find("invalid JSON"), std::string::npos) << problems[0].message;
    EXPECT_NE(problems[0].message.find("number overflow"), std::string::npos) << problems[0].message;
    problems.clear();
    load(std::string("[1, 2]"));
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].message, "must be a JSON object {...}");
    problems.clear();
    load_config("/nonexistent/motcua.json", {}, problems);
    ASSERT_EQ(problems.size(), 1u);
}

// Copying a tree recurses once a level: 100 000 levels overflowed the stack of `motcua check`.
TEST_F(ConfigFile, DeepNestingIsAProblemNotACrash) {
    const std::string deep = std::string(100'000, '[') + std::string(100'000, ']');
    load(R"({"admin_token": "0123456789abcdef", "x": )" + deep + "}");
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].path, "$");
    EXPECT_NE(problems[0].message.find("nested more than 32 levels"), std::string::npos) << problems[0].message;
    problems.clear();
    load(minimal(), {{"MOTCUA_UNITS", deep}});
    ASSERT_TRUE(mentions("units"));
}

TEST_F(ConfigFile, EnvironmentOverridesEveryKey) {
    auto j = minimal();
    j["zalo"] = {{"app_id", "1"}, {"oa_id", "2"}, {"oa_secret_key", "file-secret"}, {"app_secret", "s"},
                 {"access_token", "a"}, {"refresh_token", "r"}};
    const auto c = load(j, {{"MOTCUA_ZALO_OA_SECRET_KEY", "env-secret"},
                            {"MOTCUA_OUTBOX_RETRY_INITIAL_S", "0.5"},
                            {"MOTCUA_LISTEN", "0.0.0.0:9000"},
                            {"MOTCUA_UNITS", R"([{"id":"gia-loc","name":"Xã Gia Lộc"}])"}});
    ASSERT_TRUE(problems.empty()) << ::testing::PrintToString(said());
    EXPECT_EQ(c.zalo->oa_secret_key, "env-secret");
    EXPECT_DOUBLE_EQ(c.outbox.initial_s, 0.5);
    EXPECT_EQ(c.listen_port, 9000);
    EXPECT_EQ(c.units.at(0).id, "gia-loc");
}

TEST_F(ConfigFile, EnvironmentCanSwitchAChannelOnAndIsValidatedToo) {
    const auto c = load(minimal(), {{"MOTCUA_SMS_ACCOUNT_SID", "AC1"},
                                    {"MOTCUA_SMS_AUTH_TOKEN", "t"},
                                    {"MOTCUA_SMS_FROM", "+84900000000"},
                                    {"MOTCUA_SMS_UNICODE", "true"}});
    ASSERT_TRUE(problems.empty()) << ::testing::PrintToString(said());
    ASSERT_TRUE(c.sms);
    EXPECT_TRUE(c.sms->unicode);
    EXPECT_EQ(c.sms->api_base, "https://api.twilio.com");
    problems.clear();
    load(minimal(), {{"MOTCUA_SMS_UNICODE", "yes"}});
    EXPECT_TRUE(mentions("sms.unicode"));
}

TEST_F(ConfigFile, TheProductionExampleIsValidOnceItsSecretsAreInTheEnvironment) {
    const std::string example = std::string(MOTCUA_SOURCE_DIR) + "/scripts/deploy/production.example.json";
    load_config(example, {}, problems);
    EXPECT_TRUE(mentions("admin_token"));
    EXPECT_TRUE(mentions("sms.auth_token"));
    problems.clear();
    const auto c = load_config(example,
                               {{"MOTCUA_ADMIN_TOKEN", "a-long-enough-admin-token"},
                                {"MOTCUA_SMS_ACCOUNT_SID", "AC1"}, {"MOTCUA_SMS_AUTH_TOKEN", "t"},
                                {"MOTCUA_ZALO_APP_ID", "1"}, {"MOTCUA_ZALO_OA_ID", "2"},
                                {"MOTCUA_ZALO_OA_SECRET_KEY", "k"}, {"MOTCUA_ZALO_APP_SECRET", "s"},
                                {"MOTCUA_ZALO_ACCESS_TOKEN", "a"}, {"MOTCUA_ZALO_REFRESH_TOKEN", "r"}},
                               problems);
    EXPECT_TRUE(problems.empty()) << ::testing::PrintToString(said());
    EXPECT_EQ(c.database_path, "/var/lib/motcua/motcua.db");
}

}  // namespace
}  // namespace motcua::bot
