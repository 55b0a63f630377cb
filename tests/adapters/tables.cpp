#include "tables.hpp"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "adapters/crypto.hpp"

namespace motcua::adapters::testing {

using nlohmann::json;

namespace {

std::string kind_name(Inbound::Kind kind) {
    switch (kind) {
        case Inbound::Kind::text: return "text";
        case Inbound::Kind::follow: return "follow";
        case Inbound::Kind::contact_info: return "contact_info";
        case Inbound::Kind::unsupported: return "unsupported";
    }
    return "?";
}

}  // namespace

json load_table(const std::string& relative_path) {
    std::string path = std::string(MOTCUA_TESTDATA_DIR) + "/" + relative_path;
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        ADD_FAILURE() << "cannot open " << path;
        return json::object();
    }
    std::stringstream text;
    text << file.rdbuf();
    json table = json::parse(text.str(), nullptr, false);
    if (table.is_discarded()) ADD_FAILURE() << path << " is not JSON";
    return table;
}

std::string case_body(const json& test_case) {
    if (test_case.contains("body_json")) return test_case["body_json"].dump();
    if (test_case.contains("body_base64")) {
        auto bytes = base64_decode(test_case["body_base64"].get<std::string>());
        EXPECT_TRUE(bytes.has_value()) << "body_base64 is not base64";
        return bytes.value_or("");
    }
    return test_case.value("body", "");
}

WebhookRequest webhook_request(const json& test_case, const std::string& path, std::string body) {
    WebhookRequest request;
    request.path = path;
    request.body = std::move(body);
    json headers = test_case.value("headers", json::object());
    for (const auto& [name, value] : headers.items()) {
        request.headers[name] = value.get<std::string>();
    }
    return request;
}

void expect_answer(const HttpAnswer& answer, const json& test_case) {
    EXPECT_EQ(answer.status, test_case.at("status").get<int>());
    EXPECT_EQ(answer.content_type, test_case.at("content_type").get<std::string>());
    EXPECT_EQ(answer.body, test_case.at("response").get<std::string>());
}

void expect_messages(const std::vector<Inbound>& actual, const json& expected) {
    ASSERT_EQ(actual.size(), expected.size());
    for (std::size_t i = 0; i < actual.size(); ++i) {
        SCOPED_TRACE("message " + std::to_string(i));
        const json& e = expected[i];
        for (const char* field :
             {"channel", "contact", "external_id", "kind", "text", "phone", "name", "at_ms"}) {
            ASSERT_TRUE(e.contains(field)) << "the table must give every field; missing " << field;
        }
        const Inbound& a = actual[i];
        EXPECT_EQ(channel_name(a.channel), e["channel"].get<std::string>());
        EXPECT_EQ(a.contact, e["contact"].get<std::string>());
        EXPECT_EQ(a.external_id, e["external_id"].get<std::string>());
        EXPECT_EQ(kind_name(a.kind), e["kind"].get<std::string>());
        EXPECT_EQ(a.text, e["text"].get<std::string>());
        EXPECT_EQ(a.phone, e["phone"].get<std::string>());
        EXPECT_EQ(a.name, e["name"].get<std::string>());
        EXPECT_EQ(a.at_ms, e["at_ms"].get<std::int64_t>());
    }
}

void expect_call(const HttpCall& call, const json& expected) {
    EXPECT_EQ(call.method, expected.at("method").get<std::string>());
    EXPECT_EQ(call.url, expected.at("url").get<std::string>());
    std::vector<std::pair<std::string, std::string>> headers;
    for (const auto& header : expected.at("headers")) {
        headers.emplace_back(header.at(0).get<std::string>(), header.at(1).get<std::string>());
    }
    EXPECT_EQ(call.headers, headers);
    if (expected.contains("body_json")) {
        json body = json::parse(call.body, nullptr, false);
        ASSERT_FALSE(body.is_discarded()) << call.body;
        EXPECT_EQ(body, expected["body_json"]) << call.body;
    } else {
        EXPECT_EQ(call.body, expected.at("body").get<std::string>());
    }
}

std::string outcome_name(SendOutcome::Kind kind) {
    switch (kind) {
        case SendOutcome::Kind::accepted: return "accepted";
        case SendOutcome::Kind::retry: return "retry";
        case SendOutcome::Kind::dead: return "dead";
        case SendOutcome::Kind::refresh_auth: return "refresh_auth";
        case SendOutcome::Kind::fallback_sms: return "fallback_sms";
    }
    return "?";
}

Outbound outbound_from(const json& message, Channel channel) {
    Outbound outbound;
    outbound.channel = channel;
    outbound.contact = message.at("contact").get<std::string>();
    outbound.text = message.at("text").get<std::string>();
    json choices = message.value("choices", json::array());
    for (const auto& choice : choices) {
        outbound.choices.push_back(
            {choice.at("title").get<std::string>(), choice.at("payload").get<std::string>()});
    }
    return outbound;
}

}  // namespace motcua::adapters::testing
