// The admin side of escalations and the statistics (SPEC §4.3, §4.5).
#include <gtest/gtest.h>

#include <ctime>

#include "escalation_fixture.hpp"

namespace motcua::testing {
namespace {

using nlohmann::json;

class EscalationApi : public EscalationDeployment {
protected:
    // Today in the deployment's time zone (Asia/Ho_Chi_Minh, UTC+7, no daylight saving).
    static std::string today() {
        const std::time_t now = std::time(nullptr) + 7 * 3600;
        std::tm utc{};
        gmtime_r(&now, &utc);
        char date[16];
        std::strftime(date, sizeof date, "%Y-%m-%d", &utc);
        return date;
    }
};

TEST_F(EscalationApi, ListByStateAndCloseTellsTheCitizen) {
    start();
    put_officers();
    escalate_by_sms();
    EXPECT_EQ(escalations().size(), 1u);
    EXPECT_TRUE(escalations("closed").empty());
    EXPECT_EQ(api("GET", "/api/v1/escalations?state=pending").status, 422);
    EXPECT_EQ(api("GET", "/api/v1/escalations/1/close").status, 405);
    EXPECT_EQ(api("POST", "/api/v1/escalations/99/close").status, 404);
    EXPECT_EQ(api("POST", "/api/v1/escalations/abc/close").status, 404);
    EXPECT_EQ(http_request(server->port(), "GET", "/api/v1/escalations").status, 401);

    const auto closed = api("POST", "/api/v1/escalations/1/close");
    ASSERT_EQ(closed.status, 200) << closed.body;
    const json body = json::parse(closed.body);
    EXPECT_EQ(body["state"], "closed");
    EXPECT_EQ(body["history"].back()["event"], "closed");
    EXPECT_EQ(body["history"].back()["detail"], "by the admin API");
    EXPECT_EQ(body["created_at"].get<std::string>().size(), 24u);  // 2026-11-27T05:00:00.000Z
    ASSERT_TRUE(wait_until([&] { return last_sms_to(citizen).find("da ket thuc yeu cau #1") != std::string::npos; }));
    EXPECT_EQ(escalations("closed").size(), 1u);
    EXPECT_EQ(api("POST", "/api/v1/escalations/1/close").status, 200);  // closing twice changes nothing
    EXPECT_EQ(count_containing(sms_sent_to(citizen), "da ket thuc yeu cau #1"), 1u);
}

TEST_F(EscalationApi, StatisticsOfTheDay) {
    start();
    put_officers();
    escalate_by_sms();
    sms_then_wait_for(officer_a_phone, "SM-o1", "#1 Ong mang giay bao tu", citizen);
    const auto answer = api("GET", "/api/v1/stats?from=" + today() + "&to=" + today());
    ASSERT_EQ(answer.status, 200) << answer.body;
    const json stats = json::parse(answer.body);
    EXPECT_EQ(stats["messages"]["sms"]["in"], 3);  // two from the citizen, one from the officer
    EXPECT_GE(stats["messages"]["sms"]["out"], 3);
    EXPECT_EQ(stats["conversations"], 2);
    EXPECT_EQ(stats["intents"]["procedure"], 1);
    EXPECT_EQ(stats["intents"]["escalate"], 1);
    const json& officer = stats["escalations"]["by_officer"][0];
    EXPECT_EQ(officer["officer"], "officer-a");
    EXPECT_EQ(officer["escalations"], 1);
    EXPECT_EQ(officer["unanswered"], 0);
    EXPECT_GE(officer["median_answer_s"].get<double>(), 0.0);
    EXPECT_EQ(stats["escalations"]["by_unit"][0]["unit"], "yet-kieu");
    EXPECT_EQ(stats["procedures_by_unit"]["yet-kieu"]["khai_tu"], 1);
    EXPECT_EQ(stats["dossier_lookups"]["total"], 0);

    const json earlier = json::parse(api("GET", "/api/v1/stats?from=2020-01-01&to=2020-01-31").body);
    EXPECT_EQ(earlier["conversations"], 0);
    EXPECT_TRUE(earlier["escalations"]["by_officer"].empty());
}

TEST_F(EscalationApi, BadDatesNameTheParameter) {
    start();
    const auto missing = api("GET", "/api/v1/stats?to=2026-11-30");
    EXPECT_EQ(missing.status, 422);
    EXPECT_NE(missing.body.find("from"), std::string::npos);
    const auto bad_to = api("GET", "/api/v1/stats?from=2026-11-01&to=2026-02-30");
    EXPECT_EQ(bad_to.status, 422);
    EXPECT_NE(bad_to.body.find("to:"), std::string::npos);
    EXPECT_EQ(api("GET", "/api/v1/stats?from=01/11/2026&to=2026-11-30").status, 422);
    EXPECT_EQ(api("GET", "/api/v1/stats?from=2026-11-30&to=2026-11-01").status, 422);
    EXPECT_EQ(api("POST", "/api/v1/stats?from=2026-11-01&to=2026-11-30").status, 405);
}

}  // namespace
}  // namespace motcua::testing
