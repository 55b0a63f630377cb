// SPEC §3 against clients that hold connections without using them: hundreds of idle or slow
// connections do not hold up the gateways' webhooks, and at the connection cap (max_connections)
// idle connections make room while the rest is refused at once instead of exhausting the
// process's file descriptors.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "deployment.hpp"
#include "eventually.hpp"
#include "raw_connection.hpp"
#include "tcp_table.hpp"

namespace motcua::testing {
namespace {

using namespace std::chrono_literals;

const std::string health_request = "GET /healthz HTTP/1.1\r\nHost: bot\r\n\r\n";

class FaultClients : public Deployment {
protected:
    bool holds_and_has_read(std::size_t count) const { return testing::holds_and_has_read(server->port(), count); }
};

TEST_F(FaultClients, IdleAndSlowClientsDoNotHoldUpWebhooks) {
    start();
    const auto port = server->port();
    std::vector<RawConnection> idle;
    for (int i = 0; i < 300; ++i) idle.emplace_back(port);
    std::vector<RawConnection> slow;
    for (int i = 0; i < 60; ++i) {
        slow.emplace_back(port);
        slow.back().send("POST /webhook/sms HTTP/1.1\r\n");
    }
    // The slow ones trickle their headers a byte at a time while the webhooks come in.
    std::atomic<bool> trickling{true};
    std::jthread trickle([&] {  // joined also when a failed send throws
        const std::string header = "X-Slowly: one byte at a time, never finished";
        for (std::size_t i = 0; i < header.size(); ++i) {
            for (auto& c : slow) {
                try {
                    c.send(header.substr(i, 1));
                } catch (const std::runtime_error&) {
                    // Dropped after the header deadline on a very slow machine: still a client gone.
                }
            }
            std::this_thread::sleep_for(50ms);
        }
        trickling = false;
    });
    int webhooks = 0;
    for (; trickling || webhooks < 20; ++webhooks) {
        const auto from = "+84914" + std::to_string(100000 + webhooks);
        EXPECT_EQ(send_sms(from, "SMslow-" + std::to_string(webhooks), "menu").status, 200) << webhooks;
    }
    trickle.join();
    EXPECT_EQ(http_request(port, "GET", "/healthz").status, 200);
    EXPECT_TRUE(wait_for_gateway(static_cast<std::size_t>(webhooks), 30'000));
    // Within the default cap, nobody was pushed out: an idle connection still serves.
    idle.back().send(health_request);
    EXPECT_NE(idle.back().read_response().find("HTTP/1.1 200"), std::string::npos);
}

TEST_F(FaultClients, AtTheCapIdleConnectionsMakeRoomAndTheRestIsRefused) {
    constexpr std::size_t cap = 6;
    config["max_connections"] = cap;
    start();
    const auto port = server->port();
    ASSERT_EQ(send_sms("+84915000001", "SMcap-1", "menu").status, 200);
    ASSERT_TRUE(wait_for_gateway(1));

    // Keep-alive connections waiting for their next request, the first one idle the longest.
    std::vector<RawConnection> keep_alive;
    for (std::size_t i = 0; i < cap; ++i) {
        keep_alive.emplace_back(port);
        keep_alive.back().send(health_request);
        ASSERT_NE(keep_alive.back().read_response().find("HTTP/1.1 200"), std::string::npos) << i;
        std::this_thread::sleep_for(50ms);  // so that their idle times are distinct
    }
    // A gateway's webhook at the cap takes the place of the longest idle connection.
    EXPECT_EQ(send_sms("+84915000002", "SMcap-2", "menu").status, 200);
    EXPECT_TRUE(keep_alive.front().read_until_closed().closed);
    keep_alive.back().send(health_request);
    EXPECT_NE(keep_alive.back().read_response().find("HTTP/1.1 200"), std::string::npos);

    // Clients in the middle of a request are not idle: they push the idle ones out...
    std::vector<RawConnection> busy;
    for (std::size_t i = 0; i < cap; ++i) {
        busy.emplace_back(port);
        busy.back().send("GET /healthz HTTP/1.1\r\nHo");
        // One at a time, each taken in and read before the next: on a loaded machine a burst
        // could otherwise arrive before the server had even marked the keep-alive connections
        // idle, and be refused. The first takes the free place; each later one pushes out the
        // keep-alive connection idle the longest, and holds its place once that one is closed.
        if (i > 0) {
            ASSERT_TRUE(keep_alive[i].read_until_closed().closed) << i;
        }
        ASSERT_TRUE(eventually([&] { return holds_and_has_read(cap); })) << i;
    }
    for (std::size_t i = 1; i < cap; ++i) EXPECT_TRUE(keep_alive[i].read_until_closed().closed) << i;
    // A connection counts as busy once the server has read its first bytes; until then it is
    // idle as far as the server knows. Wait for the kernel to hand them all over, then for the
    // reads' completions to run (one queued handler each).
    ASSERT_TRUE(eventually([&] { return holds_and_has_read(cap); }));
    std::this_thread::sleep_for(300ms);
    // ...and once every connection is busy, a new one is refused at once with a 503.
    RawConnection refused(port);
    refused.send(health_request);
    const auto ending = refused.read_until_closed();
    EXPECT_TRUE(ending.closed);
    EXPECT_EQ(ending.received.rfind("HTTP/1.1 503", 0), 0u) << ending.received;
    EXPECT_NE(ending.received.find(R"({"error":)"), std::string::npos) << ending.received;
    // A flood of refused connections leaves nothing held: the server keeps only the busy ones.
    for (int i = 0; i < 200; ++i) ASSERT_TRUE(RawConnection(port).read_until_closed().closed) << i;
    EXPECT_TRUE(eventually([&] { return holds_and_has_read(cap); }));

    // A busy client leaves: the gateway's retry gets in.
    busy.front().close();
    EXPECT_TRUE(eventually([&] {
        try {
            return send_sms("+84915000003", "SMcap-3", "menu").status == 200;
        } catch (const std::exception&) {
            return false;  // refused while the server was still letting the client go
        }
    }));
    EXPECT_TRUE(eventually([&] { return sms_sent_to("+84915000003").size() == 1; }));
    EXPECT_EQ(sms_sent_to("+84915000002").size(), 1u);
}

}  // namespace
}  // namespace motcua::testing
