#pragma once
// Payload tables in the manner of nyaruka/courier's handler tests: each adapter is driven by the
// JSON cases in tests/testdata/<channel>/, so a new real-world payload is a new entry there.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "adapters/wire.hpp"

namespace motcua::adapters::testing {

// The file's parsed JSON; fails the current test when it is missing or not JSON.
nlohmann::json load_table(const std::string& relative_path);

// A case's body: "body" as is, "body_json" serialised compactly, or "body_base64" decoded
// (for bytes a JSON string cannot hold).
std::string case_body(const nlohmann::json& test_case);

WebhookRequest webhook_request(const nlohmann::json& test_case, const std::string& path,
                               std::string body);

// The answer the bot would give: the rejection, or the adapter's acknowledgement.
void expect_answer(const HttpAnswer& answer, const nlohmann::json& test_case);

// Every field of every message, which the table must spell out in full.
void expect_messages(const std::vector<Inbound>& actual, const nlohmann::json& expected);

void expect_call(const HttpCall& call, const nlohmann::json& expected);

std::string outcome_name(SendOutcome::Kind kind);

Outbound outbound_from(const nlohmann::json& message, Channel channel);

}  // namespace motcua::adapters::testing
