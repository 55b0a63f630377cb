// The Zalo OA path end to end against a fake Zalo API on loopback (SPEC §3.1): replies with
// buttons, one token refresh per expiry with the rotated token kept across restarts, the -230
// fallback to SMS, and retries.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <thread>

#include "deployment.hpp"

namespace motcua::testing {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

constexpr const char* citizen = "6011247617284573927";  // > 2^53: must survive as a string
const std::string send_path = "/v3.0/oa/message/cs";
const std::string refresh_path = "/v4/oa/access_token";

HttpReply zalo_ok(std::size_t i) {
    return {200, json{{"error", 0}, {"message", "Success"}, {"data", {{"message_id", "m" + std::to_string(i)}, {"user_id", citizen}}}}.dump()};
}
HttpReply zalo_error(int code, const std::string& message) {
    return {200, json{{"error", code}, {"message", message}}.dump()};
}

class Zalo : public Deployment {
protected:
    void SetUp() override {
        Deployment::SetUp();
        enable_zalo();
    }
    std::vector<RecordedRequest> requests_to(const std::string& path) const {
        std::vector<RecordedRequest> out;
        for (const auto& r : gateway.requests())
            if (r.target == path) out.push_back(r);
        return out;
    }
};

TEST_F(Zalo, ReplyIsDeliveredWithButtons) {
    gateway.respond_with([](const RecordedRequest&, std::size_t i) { return zalo_ok(i); });
    start();
    auto answer = send_zalo_text(citizen, "msg-1", "xin chào");
    EXPECT_EQ(answer.status, 200);
    EXPECT_EQ(answer.body, "{}");
    ASSERT_TRUE(wait_for_gateway(1));
    const auto sent = requests_to(send_path);
    ASSERT_FALSE(sent.empty());
    EXPECT_EQ(sent[0].headers.at("access_token"), "config-access");
    const auto body = json::parse(sent[0].body);
    EXPECT_EQ(body["recipient"]["user_id"], citizen);
    const auto& buttons = body["message"]["attachment"]["payload"]["buttons"];
    ASSERT_TRUE(buttons.is_array());
    EXPECT_GE(buttons.size(), 3u);
    EXPECT_LE(buttons.size(), 5u);
    EXPECT_EQ(buttons[0]["type"], "oa.query.hide");
    // Zalo keeps Vietnamese as it is written.
    EXPECT_NE(body["message"]["text"].get<std::string>().find("thủ tục"), std::string::npos) << body.dump();
}

TEST_F(Zalo, WebhookRefusesForgedAndMalformedAndIgnoresReceipts) {
    start();
    EXPECT_EQ(send_zalo({{"event_name", "user_send_text"}, {"sender", {{"id", citizen}}},
                         {"message", {{"text", "hi"}, {"msg_id", "x"}}}}, /*forged=*/true).status, 401);
    EXPECT_EQ(http_request(server->port(), "POST", "/webhook/zalo", {{"X-ZEvent-Signature", "mac=00"}}, "[1,2]").status, 400);
    EXPECT_EQ(send_zalo({{"event_name", "user_seen_message"}, {"sender", {{"id", citizen}}},
                         {"message", {{"msg_ids", {"a"}}}}}).status, 200);
    std::this_thread::sleep_for(300ms);
    EXPECT_TRUE(gateway.requests().empty());
}

TEST_F(Zalo, ExpiredTokenIsRefreshedOnceForManyConcurrentSends) {
    gateway.respond_with([&](const RecordedRequest& r, std::size_t i) {
        if (r.target == refresh_path) {
            std::this_thread::sleep_for(100ms);  // widen the window in which sends pile up
            return HttpReply{200, json{{"access_token", "new-access"}, {"refresh_token", "new-refresh"}, {"expires_in", "90000"}}.dump()};
        }
        if (r.headers.at("access_token") != "new-access") return zalo_error(-216, "Access token is invalid");
        return zalo_ok(i);
    });
    start();
    for (int u = 0; u < 4; ++u)
        EXPECT_EQ(send_zalo_text(std::string(citizen) + std::to_string(u), "m-" + std::to_string(u), "xin chào").status, 200);
    const auto delivered = [&] {
        std::size_t n = 0;
        for (const auto& r : requests_to(send_path)) n += r.headers.at("access_token") == "new-access";
        return n;
    };
    for (int i = 0; i < 100 && delivered() < 4; ++i) std::this_thread::sleep_for(50ms);
    EXPECT_EQ(delivered(), 4u);
    const auto refreshes = requests_to(refresh_path);
    ASSERT_EQ(refreshes.size(), 1u);
    EXPECT_EQ(refreshes[0].headers.at("secret_key"), "integration-app-secret");
    EXPECT_NE(refreshes[0].body.find("refresh_token=config-refresh"), std::string::npos);
    EXPECT_NE(refreshes[0].body.find("grant_type=refresh_token"), std::string::npos);
}

TEST_F(Zalo, RotatedRefreshTokenSurvivesARestart) {
    std::atomic<int> issued{0};
    std::set<std::string> used;  // the fake gateway calls its responder under its own lock
    const auto answering = gateway.respond_in_scope([&](const RecordedRequest& r, std::size_t i) {
        if (r.target == refresh_path) {
            const int n = ++issued;
            return HttpReply{200, json{{"access_token", "access-" + std::to_string(n)}, {"refresh_token", "refresh-" + std::to_string(n)}}.dump()};
        }
        // Each access token works for one message only: every send needs a refresh.
        const auto token = r.headers.at("access_token");
        if (token == "config-access" || used.count(token)) return zalo_error(-220, "Access token has expired");
        used.insert(token);
        return zalo_ok(i);
    });
    start();
    EXPECT_EQ(send_zalo_text(citizen, "r-1", "xin chào").status, 200);
    for (int i = 0; i < 100 && issued < 1; ++i) std::this_thread::sleep_for(50ms);
    ASSERT_TRUE(wait_for_gateway(3));  // -220, refresh, success
    restart_after_kill9();
    EXPECT_EQ(send_zalo_text(citizen, "r-2", "menu").status, 200);
    for (int i = 0; i < 100 && issued < 2; ++i) std::this_thread::sleep_for(50ms);
    const auto refreshes = requests_to(refresh_path);
    ASSERT_EQ(refreshes.size(), 2u);
    // The second refresh spends the token the first one issued, not the config's spent one.
    EXPECT_NE(refreshes[1].body.find("refresh_token=refresh-1"), std::string::npos) << refreshes[1].body;
}

TEST_F(Zalo, NoInteractionFor7DaysFallsBackToSmsWhenThePhoneIsKnown) {
    gateway.respond_with([](const RecordedRequest& r, std::size_t i) {
        if (r.target == send_path) return zalo_error(-230, "User has not interacted with the OA in the past 7 days");
        return HttpReply{201, R"({"sid":"SM)" + std::to_string(i) + "\"}"};
    });
    start();
    EXPECT_EQ(send_zalo({{"event_name", "user_submit_info"}, {"sender", {{"id", citizen}}},
                         {"recipient", {{"id", "2491302944280861639"}}},
                         {"info", {{"name", "Trần Thị B"}, {"phone", "84912345678"}, {"address", "Yết Kiêu"}}}}).status, 200);
    EXPECT_EQ(send_zalo_text(citizen, "f-1", "khai tử").status, 200);
    for (int i = 0; i < 100 && sms_sent_to("+84912345678").empty(); ++i) std::this_thread::sleep_for(50ms);
    const auto sms = sms_sent_to("+84912345678");
    ASSERT_FALSE(sms.empty());
    // The SMS fallback follows the SMS rules: no diacritics when unicode is off.
    EXPECT_EQ(sms[0].find("tử"), std::string::npos);
    EXPECT_NE(sms[0].find("tu"), std::string::npos);
}

TEST_F(Zalo, NoInteractionAndNoPhoneIsNotSentBySms) {
    gateway.respond_with([](const RecordedRequest&, std::size_t) {
        return zalo_error(-230, "User has not interacted with the OA in the past 7 days");
    });
    start();
    EXPECT_EQ(send_zalo_text(citizen, "n-1", "xin chào").status, 200);
    ASSERT_TRUE(wait_for_gateway(1));
    std::this_thread::sleep_for(500ms);
    EXPECT_EQ(requests_to(send_path).size(), 1u);  // dead at once: no retries
    for (const auto& r : gateway.requests()) EXPECT_EQ(r.target, send_path);
}

TEST_F(Zalo, ServerErrorThenSuccessIsDeliveredOnce) {
    gateway.respond_with([](const RecordedRequest&, std::size_t i) {
        return i == 0 ? HttpReply{500, "Internal Server Error"} : zalo_ok(i);
    });
    start();
    EXPECT_EQ(send_zalo_text(citizen, "e-1", "khai tử").status, 200);
    ASSERT_TRUE(wait_for_gateway(2));
    std::this_thread::sleep_for(500ms);
    const auto sent = requests_to(send_path);
    ASSERT_EQ(sent.size(), 2u);
    EXPECT_EQ(sent[0].body, sent[1].body);
}

TEST_F(Zalo, RetriedEventIsAnsweredOnce) {
    gateway.respond_with([](const RecordedRequest&, std::size_t i) { return zalo_ok(i); });
    start();
    EXPECT_EQ(send_zalo_text(citizen, "d-1", "xin chào").status, 200);
    ASSERT_TRUE(wait_for_gateway(1));
    const auto first = gateway.requests().size();
    EXPECT_EQ(send_zalo_text(citizen, "d-1", "xin chào").status, 200);
    EXPECT_EQ(send_zalo_text(citizen, "d-2", "menu").status, 200);
    ASSERT_TRUE(wait_for_gateway(first + 1));
    std::this_thread::sleep_for(300ms);
    EXPECT_EQ(gateway.requests().size(), first * 2);
}

}  // namespace
}  // namespace motcua::testing
