// Real gateways are reached over HTTPS: the certificate must chain to a trusted authority and
// name the host. A gateway on loopback with a certificate made for the test proves both.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <thread>

#include "adapters/form.hpp"
#include "adapters/sms/twilio_signature.hpp"
#include "deployment.hpp"
#include "eventually.hpp"

namespace motcua::testing {
namespace {

using namespace std::chrono_literals;

class TlsGateway : public ::testing::Test {
protected:
    void SetUp() override {
        const auto d = dir.path().string();
        const std::string command = "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes "
                                    "-subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 -days 2 "
                                    "-keyout " + d + "/key.pem -out " + d + "/cert.pem 2>/dev/null";
        ASSERT_EQ(std::system(command.c_str()), 0);
        gateway = std::make_unique<FakeGateway>(d + "/cert.pem", d + "/key.pem");
        config = {{"listen", "127.0.0.1:0"},
                  {"database", "sqlite:" + d + "/motcua.db"},
                  {"admin_token", "integration-admin-token"},
                  {"public_base_url", public_base_url},
                  {"units", {{{"id", "yet-kieu"}, {"name", "Xã Yết Kiêu"}}}},
                  {"sms", {{"api_base", gateway->base_url()}, {"account_sid", sms_account_sid},
                           {"auth_token", sms_auth_token}, {"from", "+84900000000"}}},
                  {"outbox", {{"retry_initial_s", 0.05}, {"retry_max_s", 0.2}}}};
    }
    void TearDown() override {
        if (HasFailure() && server) std::cerr << "--- server log ---\n" << server->log() << "---\n";
    }

    void start(std::map<std::string, std::string> environment) {
        server = std::make_unique<ServerProcess>(dir.path(), config, std::move(environment));
        server->start();
    }
    Response send(const std::string& id = "SMtls") {
        adapters::FormFields fields = {{"MessageSid", id}, {"From", "+84912345678"}, {"To", "+84900000000"}, {"Body", "xin chao"}};
        const auto signature = adapters::twilio_signature(sms_auth_token, std::string(public_base_url) + "/webhook/sms", fields);
        return http_request(server->port(), "POST", "/webhook/sms",
                            {{"Content-Type", "application/x-www-form-urlencoded"}, {"X-Twilio-Signature", signature}},
                            adapters::encode_form(fields));
    }

    TempDir dir;
    nlohmann::json config;
    std::unique_ptr<FakeGateway> gateway;
    std::unique_ptr<ServerProcess> server;
};

TEST_F(TlsGateway, TrustedCertificateDelivers) {
    start({{"SSL_CERT_FILE", (dir.path() / "cert.pem").string()}});
    EXPECT_EQ(send().status, 200);
    ASSERT_TRUE(gateway->wait_for(1));
    EXPECT_NE(gateway->requests()[0].target.find("/Messages.json"), std::string::npos);
}

// The gateway let the kept connection go without saying so: the next reply goes out at once on
// a new connection, not after a failed try and a backoff.
TEST_F(TlsGateway, AConnectionClosedWithoutNoticeCostsNoFailedSend) {
    gateway->drop_connections_after_answering();
    start({{"SSL_CERT_FILE", (dir.path() / "cert.pem").string()}});
    EXPECT_EQ(send("SMtls-1").status, 200);
    ASSERT_TRUE(gateway->wait_for(1));
    std::this_thread::sleep_for(200ms);  // the close reaches the bot's idle connection
    EXPECT_EQ(send("SMtls-2").status, 200);
    std::string metrics;
    EXPECT_TRUE(eventually([&] {
        metrics = http_request(server->port(), "GET", "/metrics").body;
        return metrics.find(R"(motcua_outbound_attempts_total{channel="sms",outcome="sent"} 2)") != std::string::npos;
    })) << metrics;
    EXPECT_NE(metrics.find(R"(motcua_outbound_attempts_total{channel="sms",outcome="retried"} 0)"), std::string::npos)
        << metrics;
    EXPECT_EQ(gateway->requests().size(), 2u);
}

TEST_F(TlsGateway, UntrustedCertificateIsNeverSentTo) {
    start({{"SSL_CERT_FILE", "/nonexistent.pem"}, {"SSL_CERT_DIR", "/nonexistent"}});
    EXPECT_EQ(send().status, 200);
    std::this_thread::sleep_for(1s);
    EXPECT_TRUE(gateway->requests().empty());  // the handshake failed before any request
    const auto metrics = http_request(server->port(), "GET", "/metrics");
    EXPECT_NE(metrics.body.find("motcua_outbox_pending 1\n"), std::string::npos) << metrics.body;
    EXPECT_NE(server->log().find("certificate verify failed"), std::string::npos) << server->log();
}

}  // namespace
}  // namespace motcua::testing
