// The Twilio SMS adapter against the payload tables in tests/testdata/sms/.
#include <gtest/gtest.h>

#include "adapters/sms/twilio.hpp"
#include "tables.hpp"

namespace motcua::adapters {
namespace {

using nlohmann::json;
using testing::load_table;

TwilioSettings settings_from(const json& s) {
    return {s.at("account_sid").get<std::string>(), s.at("auth_token").get<std::string>(),
            s.at("from").get<std::string>(), s.at("api_base").get<std::string>(),
            s.at("public_base_url").get<std::string>()};
}

// "sign": true signs the body as Twilio would; an object overrides the token, URL or body.
std::string signature_for(const json& sign, const TwilioSettings& settings, const std::string& body) {
    json overrides = sign.is_object() ? sign : json::object();
    auto fields = decode_form(overrides.value("body", body));
    EXPECT_TRUE(fields.has_value()) << "a case signed by the test needs a decodable body";
    return twilio_signature(overrides.value("auth_token", settings.auth_token),
                            overrides.value("url", settings.public_base_url + "/webhook/sms"),
                            fields.value_or(FormFields{}));
}

TEST(TwilioWebhook, PayloadTable) {
    json table = load_table("sms/webhook.json");
    TwilioSettings settings = settings_from(table.at("settings"));
    TwilioSms twilio(settings);
    ASSERT_FALSE(table.at("cases").empty());
    for (const json& c : table.at("cases")) {
        SCOPED_TRACE(c.at("name").get<std::string>());
        std::string body = testing::case_body(c);
        WebhookRequest request = testing::webhook_request(c, "/webhook/sms", body);
        if (c.contains("sign")) {
            request.headers["x-twilio-signature"] = signature_for(c["sign"], settings, body);
        }
        Decoded decoded = twilio.decode(request);
        if (decoded.rejection) {
            EXPECT_TRUE(decoded.messages.empty());
        }
        testing::expect_answer(decoded.rejection.value_or(twilio.acknowledge()), c);
        testing::expect_messages(decoded.messages, c.at("messages"));
    }
}

TEST(TwilioWebhook, SignsTheConfiguredPublicUrl) {
    TwilioSms twilio({"AC1", "token", "+84900000001", "https://api.twilio.com", "https://bot.example.vn/"});
    EXPECT_EQ(twilio.webhook_url(), "https://bot.example.vn/webhook/sms");
}

TEST(TwilioOutbound, RequestTable) {
    json table = load_table("sms/outbound.json");
    ASSERT_FALSE(table.at("cases").empty());
    for (const json& c : table.at("cases")) {
        SCOPED_TRACE(c.at("name").get<std::string>());
        TwilioSettings settings = settings_from(table.at("settings"));
        if (c.contains("api_base")) settings.api_base = c["api_base"].get<std::string>();
        HttpCall call = TwilioSms(settings).request_for(testing::outbound_from(c.at("message"), Channel::sms));
        testing::expect_call(call, c.at("expect"));
    }
}

TEST(TwilioOutbound, InterpretTable) {
    json table = load_table("sms/interpret.json");
    TwilioSms twilio(settings_from(table.at("settings")));
    ASSERT_FALSE(table.at("cases").empty());
    for (const json& c : table.at("cases")) {
        SCOPED_TRACE(c.at("name").get<std::string>());
        HttpReply reply{c.at("reply").at("status").get<int>(), c.at("reply").at("body").get<std::string>()};
        SendOutcome outcome = twilio.interpret(reply);
        EXPECT_EQ(testing::outcome_name(outcome.kind), c.at("expect").at("kind").get<std::string>());
        EXPECT_EQ(outcome.detail, c.at("expect").at("detail").get<std::string>());
    }
}

}  // namespace
}  // namespace motcua::adapters
