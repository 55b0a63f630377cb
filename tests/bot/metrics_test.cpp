#include "bot/metrics.hpp"

#include <gtest/gtest.h>

namespace motcua::bot {
namespace {

bool has_line(const std::string& text, const std::string& line) {
    return text.find("\n" + line + "\n") != std::string::npos || text.rfind(line + "\n", 0) == 0;
}

TEST(Metrics, CountsByChannelAndOutcome) {
    Metrics m;
    m.inbound(Channel::sms, 2);
    m.inbound(Channel::zalo, 1);
    m.outbound(Channel::sms, SendOutcome::Kind::accepted);
    m.outbound(Channel::sms, SendOutcome::Kind::retry);
    m.outbound(Channel::zalo, SendOutcome::Kind::dead);
    const auto text = m.exposition({7, 1, 2});
    EXPECT_TRUE(has_line(text, R"(motcua_inbound_messages_total{channel="sms"} 2)")) << text;
    EXPECT_TRUE(has_line(text, R"(motcua_inbound_messages_total{channel="zalo"} 1)"));
    EXPECT_TRUE(has_line(text, R"(motcua_outbound_attempts_total{channel="sms",outcome="sent"} 1)"));
    EXPECT_TRUE(has_line(text, R"(motcua_outbound_attempts_total{channel="sms",outcome="retried"} 1)"));
    EXPECT_TRUE(has_line(text, R"(motcua_outbound_attempts_total{channel="zalo",outcome="dead"} 1)"));
    EXPECT_TRUE(has_line(text, "motcua_outbox_pending 7"));
    EXPECT_TRUE(has_line(text, "motcua_outbox_dead 1"));
    EXPECT_TRUE(has_line(text, "motcua_escalations_open 2"));
    EXPECT_TRUE(has_line(text, "# TYPE motcua_inbound_messages_total counter"));
}

TEST(Metrics, LatencyHistogramIsCumulative) {
    Metrics m;
    m.webhook_latency(0.0005);
    m.webhook_latency(0.003);
    m.webhook_latency(7.0);
    const auto text = m.exposition({});
    EXPECT_TRUE(has_line(text, R"(motcua_webhook_duration_seconds_bucket{le="0.001"} 1)")) << text;
    EXPECT_TRUE(has_line(text, R"(motcua_webhook_duration_seconds_bucket{le="0.0025"} 1)"));
    EXPECT_TRUE(has_line(text, R"(motcua_webhook_duration_seconds_bucket{le="0.005"} 2)"));
    EXPECT_TRUE(has_line(text, R"(motcua_webhook_duration_seconds_bucket{le="2.5"} 2)"));
    EXPECT_TRUE(has_line(text, R"(motcua_webhook_duration_seconds_bucket{le="+Inf"} 3)"));
    EXPECT_TRUE(has_line(text, "motcua_webhook_duration_seconds_count 3"));
    EXPECT_TRUE(has_line(text, "motcua_webhook_duration_seconds_sum 7.0035"));
}

}  // namespace
}  // namespace motcua::bot
