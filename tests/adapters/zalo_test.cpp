// The Zalo OA adapter against the payload tables in tests/testdata/zalo/.
#include <gtest/gtest.h>

#include "adapters/crypto.hpp"
#include "adapters/zalo/oa.hpp"
#include "tables.hpp"

namespace motcua::adapters {
namespace {

using nlohmann::json;
using testing::load_table;

ZaloSettings settings_from(const json& s) {
    return {s.at("app_id").get<std::string>(), s.at("oa_secret_key").get<std::string>(),
            s.at("app_secret").get<std::string>(), s.at("api_base").get<std::string>(),
            s.at("oauth_base").get<std::string>()};
}

// SPEC §3.1 restated here rather than borrowed from the adapter, so that both must agree:
// mac=hex(sha256(app_id + raw_body + timestamp + oa_secret_key)). "sign": true takes app_id and
// timestamp from the body; an object overrides any part, the prefix or the hex case.
std::string signature_for(const json& sign, const ZaloSettings& settings, const std::string& body) {
    json overrides = sign.is_object() ? sign : json::object();
    json parsed = json::parse(body, nullptr, false);
    auto field = [&](const char* name) -> std::string {
        if (overrides.contains(name)) return overrides[name].get<std::string>();
        if (!parsed.is_object() || !parsed.contains(name)) return "";
        const json& value = parsed[name];
        return value.is_string() ? value.get<std::string>() : value.dump();
    };
    std::string digest = sha256_hex(field("app_id") + overrides.value("body", body) +
                                    field("timestamp") +
                                    overrides.value("secret", settings.oa_secret_key));
    if (overrides.value("upper", false)) {
        for (char& c : digest) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return overrides.value("prefix", "mac=") + digest;
}

TEST(ZaloWebhook, PayloadTable) {
    json table = load_table("zalo/webhook.json");
    ZaloSettings settings = settings_from(table.at("settings"));
    ZaloOa zalo(settings);
    ASSERT_FALSE(table.at("cases").empty());
    for (const json& c : table.at("cases")) {
        SCOPED_TRACE(c.at("name").get<std::string>());
        std::string body = testing::case_body(c);
        WebhookRequest request = testing::webhook_request(c, "/webhook/zalo", body);
        if (c.contains("sign")) {
            request.headers["x-zevent-signature"] = signature_for(c["sign"], settings, body);
        }
        Decoded decoded = zalo.decode(request);
        if (decoded.rejection) {
            EXPECT_TRUE(decoded.messages.empty());
        }
        testing::expect_answer(decoded.rejection.value_or(zalo.acknowledge()), c);
        testing::expect_messages(decoded.messages, c.at("messages"));
    }
}

TEST(ZaloWebhook, DeepNestingIsRefusedWithoutCrashing) {
    ZaloOa zalo({"1", "s", "a", "https://openapi.zalo.me", "https://oauth.zaloapp.com"});
    WebhookRequest request;
    request.headers["x-zevent-signature"] = "mac=" + std::string(64, '0');
    request.body = std::string(30000, '[') + std::string(30000, ']');
    Decoded array = zalo.decode(request);
    ASSERT_TRUE(array.rejection.has_value());
    EXPECT_EQ(array.rejection->status, 400);

    std::string deep;
    for (int i = 0; i < 10000; ++i) deep += R"({"a":)";
    deep += "1" + std::string(10000, '}');
    request.body = R"({"app_id":"1","timestamp":"2","deep":)" + deep + "}";
    Decoded object = zalo.decode(request);
    ASSERT_TRUE(object.rejection.has_value());
    EXPECT_EQ(object.rejection->status, 401);
}

TEST(ZaloOutbound, RequestTable) {
    json table = load_table("zalo/outbound.json");
    ASSERT_FALSE(table.at("cases").empty());
    for (const json& c : table.at("cases")) {
        SCOPED_TRACE(c.at("name").get<std::string>());
        ZaloSettings settings = settings_from(table.at("settings"));
        if (c.contains("api_base")) settings.api_base = c["api_base"].get<std::string>();
        HttpCall call = ZaloOa(settings).request_for(
            testing::outbound_from(c.at("message"), Channel::zalo), c.at("access_token").get<std::string>());
        testing::expect_call(call, c.at("expect"));
    }
}

TEST(ZaloOutbound, UserIdStaysAString) {
    ZaloOa zalo({"1", "s", "a", "https://openapi.zalo.me", "https://oauth.zaloapp.com"});
    HttpCall call = zalo.request_for({Channel::zalo, "8436915728834721095", "hi", {}}, "t");
    EXPECT_NE(call.body.find(R"("user_id":"8436915728834721095")"), std::string::npos) << call.body;
}

TEST(ZaloOutbound, InterpretTable) {
    json table = load_table("zalo/interpret.json");
    ZaloOa zalo(settings_from(table.at("settings")));
    ASSERT_FALSE(table.at("cases").empty());
    for (const json& c : table.at("cases")) {
        SCOPED_TRACE(c.at("name").get<std::string>());
        HttpReply reply{c.at("reply").at("status").get<int>(), c.at("reply").at("body").get<std::string>()};
        SendOutcome outcome = zalo.interpret(reply);
        EXPECT_EQ(testing::outcome_name(outcome.kind), c.at("expect").at("kind").get<std::string>());
        EXPECT_EQ(outcome.detail, c.at("expect").at("detail").get<std::string>());
    }
}

class ZaloTokenRefresh : public ::testing::Test {
protected:
    ZaloOa zalo{{"3482178216594085616", "oa-secret", "app-secret", "https://openapi.zalo.me",
                 "https://oauth.zaloapp.com/"}};
};

TEST_F(ZaloTokenRefresh, RequestShape) {
    HttpCall call = zalo.refresh_request("r3fr3sh+t0ken/=");
    EXPECT_EQ(call.method, "POST");
    EXPECT_EQ(call.url, "https://oauth.zaloapp.com/v4/oa/access_token");
    std::vector<std::pair<std::string, std::string>> headers = {
        {"secret_key", "app-secret"}, {"Content-Type", "application/x-www-form-urlencoded"}};
    EXPECT_EQ(call.headers, headers);
    EXPECT_EQ(call.body,
              "refresh_token=r3fr3sh%2Bt0ken%2F%3D&app_id=3482178216594085616&grant_type=refresh_token");
}

TEST_F(ZaloTokenRefresh, ParsesZalosAnswerWithItsStringLifetime) {
    auto tokens = zalo.parse_refresh(
        {200, R"({"access_token":"new-access","refresh_token":"new-refresh","expires_in":"90000"})"});
    ASSERT_TRUE(tokens.has_value());
    EXPECT_EQ(tokens->access_token, "new-access");
    EXPECT_EQ(tokens->refresh_token, "new-refresh");
    EXPECT_EQ(tokens->expires_in_s, 90000);
}

TEST_F(ZaloTokenRefresh, AcceptsANumericLifetimeAndNone) {
    auto numeric = zalo.parse_refresh({200, R"({"access_token":"a","refresh_token":"r","expires_in":3600})"});
    ASSERT_TRUE(numeric.has_value());
    EXPECT_EQ(numeric->expires_in_s, 3600);
    auto missing = zalo.parse_refresh({200, R"({"access_token":"a","refresh_token":"r"})"});
    ASSERT_TRUE(missing.has_value());
    EXPECT_EQ(missing->expires_in_s, 0);
}

TEST_F(ZaloTokenRefresh, RefusalsAndGarbageGiveNothing) {
    EXPECT_FALSE(zalo.parse_refresh({200, R"({"error":-14014,"error_name":"Invalid refresh token",)"
                                          R"("error_reason":"Refresh token is invalid or expired"})"}));
    EXPECT_FALSE(zalo.parse_refresh({200, R"({"access_token":"a"})"}));
    EXPECT_FALSE(zalo.parse_refresh({200, R"({"access_token":"","refresh_token":"r"})"}));
    EXPECT_FALSE(zalo.parse_refresh({200, "not json"}));
    EXPECT_FALSE(zalo.parse_refresh({500, R"({"access_token":"a","refresh_token":"r"})"}));
    EXPECT_FALSE(zalo.parse_refresh({0, ""}));
}

TEST_F(ZaloTokenRefresh, ATokenThatCouldNotGoInAHeaderIsRefused) {
    EXPECT_FALSE(zalo.parse_refresh({200, R"({"access_token":"a\r\nX-Injected: 1","refresh_token":"r"})"}));
    EXPECT_FALSE(zalo.parse_refresh({200, R"({"access_token":"a","refresh_token":"r r"})"}));
    EXPECT_FALSE(zalo.parse_refresh({200, R"({"access_token":"tô","refresh_token":"r"})"}));
    const std::string long_token(4097, 'k');
    EXPECT_FALSE(zalo.parse_refresh({200, R"({"access_token":")" + long_token + R"(","refresh_token":"r"})"}));
    EXPECT_TRUE(zalo.parse_refresh({200, R"({"access_token":")" + long_token.substr(1) + R"(","refresh_token":"r"})"}));
}

TEST_F(ZaloTokenRefresh, ARefusalIsDescribedWithoutTheTokens) {
    EXPECT_EQ(zalo.refresh_refusal({200, R"({"error":-14014,"error_name":"Invalid refresh token",)"
                                         R"("error_reason":"Refresh token is invalid or expired"})"}),
              "Zalo's OAuth server answered HTTP 200, error -14014: Invalid refresh token");
    const std::string half = zalo.refresh_refusal({200, R"({"access_token":"Kx9Lq2RtSecret"})"});
    EXPECT_EQ(half, "Zalo's OAuth server answered HTTP 200 without two usable tokens");
    EXPECT_EQ(zalo.refresh_refusal({502, "<html>Bad Gateway</html>"}),
              "Zalo's OAuth server answered HTTP 502 with 24 bytes that are not a JSON object");
    EXPECT_EQ(zalo.refresh_refusal({0, "connect: Connection refused"}),
              "Zalo's OAuth server could not be reached: connect: Connection refused");
}

}  // namespace
}  // namespace motcua::adapters
