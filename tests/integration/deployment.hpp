#pragma once
// A motcua server process wired to fake gateways on loopback, with helpers that speak to it as
// the real gateways would: the fixture every integration test starts from.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "fake_gateway.hpp"
#include "http.hpp"
#include "server_process.hpp"

namespace motcua::testing {

inline constexpr const char* sms_auth_token = "integration-auth-token";
inline constexpr const char* sms_account_sid = "ACintegration";
inline constexpr const char* public_base_url = "https://bot.example.vn";
inline constexpr const char* zalo_app_id = "4138283921937125713";
inline constexpr const char* zalo_secret_key = "integration-oa-secret";

class Deployment : public ::testing::Test {
protected:
    void SetUp() override;
    void TearDown() override;

    // The config every test starts from; tests may change it before start().
    nlohmann::json config;
    void start();
    void restart_after_kill9();

    // A Twilio-style inbound SMS, signed unless `forged`.
    Response send_sms(const std::string& from, const std::string& message_sid, const std::string& text,
                      bool forged = false);
    // The same to a server on this port, for client threads that outlive a restart. Throws
    // boost::system::system_error when nothing listens there.
    static Response send_sms(std::uint16_t port, const std::string& from, const std::string& message_sid,
                             const std::string& text, bool forged = false);
    // Adds a zalo section pointing at the fake gateway; call before start().
    void enable_zalo();
    // A Zalo OA event, signed unless `forged`; `event` is the JSON body without app_id/timestamp.
    Response send_zalo(nlohmann::json event, bool forged = false);
    Response send_zalo_text(const std::string& user_id, const std::string& msg_id, const std::string& text);

    // Bodies of the SMS the fake gateway received for this recipient, in order.
    std::vector<std::string> sms_sent_to(const std::string& to) const;
    // Waits until the gateway has received n requests in all.
    bool wait_for_gateway(std::size_t n, int timeout_ms = 10'000) const { return gateway.wait_for(n, timeout_ms); }

    TempDir dir;
    FakeGateway gateway;
    std::unique_ptr<ServerProcess> server;
};

}  // namespace motcua::testing
