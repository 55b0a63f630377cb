// The SMS path end to end: a signed Twilio webhook into the real server, the reply out to a
// fake Twilio on loopback, and the delivery guarantees of SPEC §6 under retries and kill -9.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "adapters/form.hpp"
#include "adapters/sms/twilio_signature.hpp"
#include "deployment.hpp"
#include "eventually.hpp"
#include "dialogs/text.hpp"

namespace motcua::testing {
namespace {

using namespace std::chrono_literals;

class SmsWebhook : public Deployment {};

TEST_F(SmsWebhook, HealthAndRouting) {
    start();
    auto health = http_request(server->port(), "GET", "/healthz");
    EXPECT_EQ(health.status, 200);
    EXPECT_EQ(health.body, R"({"status":"ok"})");
    auto missing = http_request(server->port(), "GET", "/nowhere");
    EXPECT_EQ(missing.status, 404);
    EXPECT_NE(missing.body.find("\"error\""), std::string::npos);
    EXPECT_EQ(http_request(server->port(), "GET", "/webhook/sms").status, 405);
    EXPECT_EQ(http_request(server->port(), "POST", "/healthz").status, 405);
    // No zalo section: the channel is off and its webhook does not exist.
    EXPECT_EQ(http_request(server->port(), "POST", "/webhook/zalo", {}, "{}").status, 404);
}

TEST_F(SmsWebhook, KeepAliveServesSeveralRequestsOnOneConnection) {
    start();
    const std::string get = "GET /healthz HTTP/1.1\r\nHost: bot\r\n\r\n";
    const auto answer = raw_exchange(server->port(), get + get + "GET /healthz HTTP/1.1\r\nHost: bot\r\nConnection: close\r\n\r\n");
    std::size_t answers = 0;
    for (auto at = answer.find("HTTP/1.1 200"); at != std::string::npos; at = answer.find("HTTP/1.1 200", at + 1)) ++answers;
    EXPECT_EQ(answers, 3u) << answer;
}

TEST_F(SmsWebhook, ReplyGoesOutThroughTheGateway) {
    start();
    auto answer = send_sms("0912345678", "SM0001", "khai tử");
    EXPECT_EQ(answer.status, 200);
    EXPECT_EQ(answer.body, "<Response/>");
    EXPECT_EQ(answer.content_type, "text/xml");
    ASSERT_TRUE(wait_for_gateway(1));
    const auto request = gateway.requests().front();
    EXPECT_EQ(request.method, "POST");
    EXPECT_EQ(request.target, std::string("/2010-04-01/Accounts/") + sms_account_sid + "/Messages.json");
    EXPECT_EQ(request.headers.at("authorization").rfind("Basic ", 0), 0u);
    // The sender's national number is answered at its E.164 form, without diacritics.
    const auto bodies = sms_sent_to("+84912345678");
    ASSERT_FALSE(bodies.empty());
    EXPECT_TRUE(dialogs::is_gsm7(bodies.front())) << bodies.front();
    EXPECT_NE(dialogs::fold(bodies.front()).find("khai tu"), std::string::npos) << bodies.front();
}

TEST_F(SmsWebhook, MetricsCountWhatHappened) {
    start();
    EXPECT_EQ(send_sms("+84912345678", "SM0100", "xin chao").status, 200);
    ASSERT_TRUE(wait_for_gateway(1));
    // The send's record commits after the gateway answered.
    EXPECT_TRUE(eventually([&] { return metric(server->port(), "motcua_outbox_pending") == 0.0; }));
    const auto metrics = http_request(server->port(), "GET", "/metrics");
    ASSERT_EQ(metrics.status, 200);
    EXPECT_EQ(metrics.content_type.rfind("text/plain", 0), 0u);
    EXPECT_NE(metrics.body.find("motcua_inbound_messages_total{channel=\"sms\"} 1\n"), std::string::npos) << metrics.body;
    EXPECT_NE(metrics.body.find("motcua_outbound_attempts_total{channel=\"sms\",outcome=\"sent\"} 1\n"), std::string::npos);
    EXPECT_NE(metrics.body.find("motcua_outbox_pending 0\n"), std::string::npos);
    EXPECT_NE(metrics.body.find("motcua_webhook_duration_seconds_count 1\n"), std::string::npos);
}

TEST_F(SmsWebhook, ForgedSignatureIsRefusedAndUnanswered) {
    start();
    auto forged = send_sms("+84912345678", "SM0002", "xin chao", /*forged=*/true);
    EXPECT_EQ(forged.status, 403);
    // A genuine message from another number afterwards is the barrier: once it is answered, a
    // reply to the forged one would have been sent too.
    EXPECT_EQ(send_sms("+84987654321", "SM0003", "xin chao").status, 200);
    ASSERT_TRUE(wait_for_gateway(1));
    std::this_thread::sleep_for(300ms);
    EXPECT_TRUE(sms_sent_to("+84912345678").empty());
}

TEST_F(SmsWebhook, RetriedWebhookIsAnsweredOnce) {
    start();
    EXPECT_EQ(send_sms("+84912345678", "SM0004", "xin chao").status, 200);
    ASSERT_TRUE(wait_for_gateway(1));
    const auto after_first = gateway.requests().size();
    EXPECT_EQ(send_sms("+84912345678", "SM0004", "xin chao").status, 200);
    EXPECT_EQ(send_sms("+84912345678", "SM0004", "xin chao").status, 200);
    // Same contact, new message: replies to a contact leave in order, so once this one is
    // out, any reply to the retries would be out too.
    EXPECT_EQ(send_sms("+84912345678", "SM0005", "menu").status, 200);
    ASSERT_TRUE(wait_for_gateway(after_first + 1));
    std::this_thread::sleep_for(300ms);
    EXPECT_EQ(gateway.requests().size(), after_first * 2);
}

TEST_F(SmsWebhook, OversizedBodyGets413) {
    start();
    const std::string big(70 * 1024, 'a');
    auto answer = http_request(server->port(), "POST", "/webhook/sms",
                               {{"Content-Type", "application/x-www-form-urlencoded"}}, "Body=" + big);
    EXPECT_EQ(answer.status, 413);
    EXPECT_EQ(http_request(server->port(), "GET", "/healthz").status, 200);
}

TEST_F(SmsWebhook, MissingFieldsGet400) {
    start();
    adapters::FormFields fields = {{"From", "+84912345678"}, {"Body", "xin chao"}};
    const auto signature = adapters::twilio_signature(sms_auth_token, std::string(public_base_url) + "/webhook/sms", fields);
    auto answer = http_request(server->port(), "POST", "/webhook/sms",
                               {{"Content-Type", "application/x-www-form-urlencoded"}, {"X-Twilio-Signature", signature}},
                               adapters::encode_form(fields));
    EXPECT_EQ(answer.status, 400);
    EXPECT_NE(answer.body.find("MessageSid"), std::string::npos);
}

TEST_F(SmsWebhook, MalformedRequestsNeverCrashTheServer) {
    start();
    const std::vector<std::string> garbage = {
        "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03",                       // a TLS hello
        "GET\r\n\r\n",                                                       // no target
        "POST /webhook/sms HTTP/1.1\r\nHost x\r\n\r\n",                      // header without colon
        "POST /webhook/sms HTTP/1.1\r\nContent-Length: -5\r\n\r\n",          // bad length
        "POST /webhook/sms HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",  // bad chunk
        "POST /webhook/sms HTTP/1.1\r\nContent-Length: 100\r\n\r\nshort",    // body cut off
        "GET /healthz HTTP/1.1\r\nX: " + std::string(40 * 1024, 'x') + "\r\n\r\n",  // huge header
        "POST /webhook/sms HTTP/1.1\r\nContent-Length: 9\r\nX-Twilio-Signature: x\r\n\r\nBody=%zz%",
        std::string("\0\0\0\0GET / HTTP/1.1\r\n\r\n", 22),
    };
    for (const auto& bytes : garbage) {
        const auto answer = raw_exchange(server->port(), bytes, 500);
        if (!answer.empty()) {
            EXPECT_EQ(answer.rfind("HTTP/1.1 ", 0), 0u) << answer;
        }
    }
    EXPECT_EQ(http_request(server->port(), "GET", "/healthz").status, 200);
    EXPECT_EQ(send_sms("+84912345678", "SM0006", "xin chao").status, 200);
}

TEST_F(SmsWebhook, IncompleteHeadersAreDroppedAfterTenSeconds) {
    start();
    const auto begun = std::chrono::steady_clock::now();
    // raw_exchange returns when the server closes the connection (or after 20 s).
    const auto answer = raw_exchange(server->port(), "POST /webhook/sms HTTP/1.1\r\nHost: bot\r\nX-Slow: ", 20'000);
    const auto waited = std::chrono::steady_clock::now() - begun;
    EXPECT_TRUE(answer.empty()) << answer;
    EXPECT_GE(waited, 9s);
    EXPECT_LT(waited, 19s);
    EXPECT_EQ(http_request(server->port(), "GET", "/healthz").status, 200);
}

TEST_F(SmsWebhook, GatewayFailureIsRetriedAndDeliveredOnce) {
    gateway.respond_with([](const RecordedRequest&, std::size_t i) {
        return i == 0 ? HttpReply{500, R"({"code":20500,"message":"Internal Server Error"})"}
                      : HttpReply{201, R"({"sid":"SM-ok"})"};
    });
    start();
    EXPECT_EQ(send_sms("+84912345678", "SM0007", "khai tu").status, 200);
    ASSERT_TRUE(wait_for_gateway(2));
    std::this_thread::sleep_for(500ms);
    const auto requests = gateway.requests();
    ASSERT_EQ(requests.size(), 2u);
    EXPECT_EQ(requests[0].body, requests[1].body);
}

TEST_F(SmsWebhook, Kill9AfterAcknowledgementStillDeliversExactlyOnce) {
    std::atomic<bool> gateway_up{false};
    std::atomic<int> accepted{0};
    const auto answering = gateway.respond_in_scope([&](const RecordedRequest&, std::size_t) {
        if (!gateway_up) return HttpReply{503, R"({"message":"down"})"};
        ++accepted;
        return HttpReply{201, R"({"sid":"SM-ok"})"};
    });
    start();
    EXPECT_EQ(send_sms("+84912345678", "SM0008", "khai tu").status, 200);
    ASSERT_TRUE(wait_for_gateway(1));  // tried once, refused: the reply is only in the outbox
    restart_after_kill9();
    gateway_up = true;
    const auto before = gateway.requests().size();
    ASSERT_TRUE(wait_for_gateway(before + 1));
    std::this_thread::sleep_for(500ms);
    EXPECT_EQ(accepted.load(), 1);
    // Accepted before the second crash: never sent again.
    restart_after_kill9();
    const auto settled = gateway.requests().size();
    EXPECT_EQ(send_sms("+84987654321", "SM0009", "xin chao").status, 200);
    ASSERT_TRUE(wait_for_gateway(settled + 1));
    std::this_thread::sleep_for(300ms);
    EXPECT_EQ(accepted.load(), 2);  // the new message's reply only
}

TEST_F(SmsWebhook, ASenderGetsAtMostTwentyRepliesAnHour) {
    start();
    for (int i = 0; i < 23; ++i)
        ASSERT_EQ(send_sms("+84912345678", "SMflood" + std::to_string(i), "xin chao").status, 200);
    // Another sender is the barrier: its reply leaves after everything queued before it.
    EXPECT_EQ(send_sms("+84987654321", "SMother", "xin chao").status, 200);
    EXPECT_TRUE(eventually([&] { return !sms_sent_to("+84987654321").empty() && sms_sent_to("+84912345678").size() >= 20; }));
    std::this_thread::sleep_for(300ms);  // time for a 21st, had one been queued
    EXPECT_EQ(sms_sent_to("+84912345678").size(), 20u);
    // The rest were stored all the same.
    const auto metrics = http_request(server->port(), "GET", "/metrics").body;
    EXPECT_NE(metrics.find("motcua_inbound_messages_total{channel=\"sms\"} 24\n"), std::string::npos) << metrics;
}

TEST_F(SmsWebhook, SigtermDrainsAndExitsZero) {
    start();
    EXPECT_EQ(send_sms("+84912345678", "SM0010", "xin chao").status, 200);
    ASSERT_TRUE(wait_for_gateway(1));
    EXPECT_EQ(server->stop(SIGTERM), 0);
}

}  // namespace
}  // namespace motcua::testing
