#include "deployment.hpp"

#include "adapters/form.hpp"
#include "adapters/sms/twilio_signature.hpp"
#include "adapters/zalo/signature.hpp"

namespace motcua::testing {

void Deployment::SetUp() {
    config = {
        {"listen", "127.0.0.1:0"},
        {"database", "sqlite:" + (dir.path() / "motcua.db").string()},
        {"admin_token", "integration-admin-token"},
        {"public_base_url", public_base_url},
        {"units", {{{"id", "yet-kieu"}, {"name", "Xã Yết Kiêu"}}}},
        {"sms", {{"api_base", gateway.base_url()}, {"account_sid", sms_account_sid},
                 {"auth_token", sms_auth_token}, {"from", "+84900000000"}}},
        // Compressed backoff: a test waits a fraction of a second where production waits minutes.
        {"outbox", {{"retry_initial_s", 0.05}, {"retry_max_s", 0.2}, {"give_up_after_s", 30}}},
        {"threads", 2},
    };
}

void Deployment::TearDown() {
    if (HasFailure() && server) std::cerr << "--- server log ---\n" << server->log() << "---\n";
    server.reset();
}

void Deployment::start() {
    server = std::make_unique<ServerProcess>(dir.path(), config);
    server->start();
}

void Deployment::restart_after_kill9() {
    server->kill9();
    server->start();
}

Response Deployment::send_sms(const std::string& from, const std::string& message_sid, const std::string& text,
                              bool forged) {
    return send_sms(server->port(), from, message_sid, text, forged);
}

Response Deployment::send_sms(std::uint16_t port, const std::string& from, const std::string& message_sid,
                              const std::string& text, bool forged) {
    adapters::FormFields fields = {{"ToCountry", "VN"}, {"SmsMessageSid", message_sid}, {"NumMedia", "0"},
                                   {"SmsSid", message_sid}, {"SmsStatus", "received"}, {"Body", text},
                                   {"To", "+84900000000"}, {"NumSegments", "1"}, {"MessageSid", message_sid},
                                   {"AccountSid", sms_account_sid}, {"From", from}, {"ApiVersion", "2010-04-01"}};
    auto signature = adapters::twilio_signature(sms_auth_token, std::string(public_base_url) + "/webhook/sms", fields);
    if (forged) signature[0] = signature[0] == 'A' ? 'B' : 'A';
    return http_request(port, "POST", "/webhook/sms",
                        {{"Content-Type", "application/x-www-form-urlencoded"}, {"X-Twilio-Signature", signature}},
                        adapters::encode_form(fields));
}

void Deployment::enable_zalo() {
    config["zalo"] = {{"app_id", zalo_app_id}, {"oa_id", "2491302944280861639"}, {"oa_secret_key", zalo_secret_key},
                      {"app_secret", "integration-app-secret"}, {"access_token", "config-access"},
                      {"refresh_token", "config-refresh"}, {"api_base", gateway.base_url()},
                      {"oauth_base", gateway.base_url()}};
}

Response Deployment::send_zalo(nlohmann::json event, bool forged) {
    event["app_id"] = zalo_app_id;
    if (!event.contains("timestamp")) event["timestamp"] = "1732680000000";
    const std::string body = event.dump();
    auto mac = adapters::zalo_signature(zalo_app_id, body, event["timestamp"].get<std::string>(), zalo_secret_key);
    if (forged) mac[0] = mac[0] == 'a' ? 'b' : 'a';
    return http_request(server->port(), "POST", "/webhook/zalo",
                        {{"Content-Type", "application/json"}, {"X-ZEvent-Signature", "mac=" + mac}}, body);
}

Response Deployment::send_zalo_text(const std::string& user_id, const std::string& msg_id, const std::string& text) {
    return send_zalo({{"event_name", "user_send_text"},
                      {"sender", {{"id", user_id}}},
                      {"recipient", {{"id", "2491302944280861639"}}},
                      {"message", {{"text", text}, {"msg_id", msg_id}}},
                      {"user_id_by_app", "552177279717587730"}});
}

std::vector<std::string> Deployment::sms_sent_to(const std::string& to) const {
    std::vector<std::string> bodies;
    for (const auto& r : gateway.requests()) {
        const auto fields = adapters::decode_form(r.body);
        if (!fields) continue;
        const auto* recipient = adapters::form_value(*fields, "To");
        const auto* body = adapters::form_value(*fields, "Body");
        if (recipient && body && *recipient == to) bodies.push_back(*body);
    }
    return bodies;
}

}  // namespace motcua::testing
