#pragma once
// A Zalo Official Account (SPEC §3.1): its webhook events, the customer-service message API and
// the OAuth refresh that keeps its access token alive. Zalo ids are strings longer than a double
// holds exactly, so they are never read as numbers.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "adapters/wire.hpp"
#include "adapters/zalo/signature.hpp"

namespace motcua::adapters {

struct ZaloSettings {
    std::string app_id;
    std::string oa_secret_key;  // signs webhooks
    std::string app_secret;     // authenticates token refreshes
    std::string api_base;       // "https://openapi.zalo.me"
    std::string oauth_base;     // "https://oauth.zaloapp.com"
};

struct ZaloTokens {
    std::string access_token;
    std::string refresh_token;  // valid once: store it before using the new access token
    std::int64_t expires_in_s = 0;  // 0 when Zalo did not say
};

class ZaloOa {
public:
    static constexpr std::string_view webhook_path = "/webhook/zalo";
    static constexpr std::size_t max_choices = 5;
    static constexpr std::size_t max_choice_title = 100;  // characters, Zalo's button limit

    explicit ZaloOa(ZaloSettings settings);

    // 401 on a missing or wrong X-ZEvent-Signature, 400 on a body that is not a JSON object
    // or an event without the fields it needs. Citizen events give one message; delivery and
    // read receipts, the OA's own echoes and unknown events give none.
    Decoded decode(const WebhookRequest& request) const;
    HttpAnswer acknowledge() const;  // 200 application/json {}

    HttpCall request_for(const Outbound& message, std::string_view access_token) const;
    SendOutcome interpret(const HttpReply& reply) const;

    HttpCall refresh_request(std::string_view refresh_token) const;
    std::optional<ZaloTokens> parse_refresh(const HttpReply& reply) const;
    // Why a refresh gave no tokens, for the log: Zalo's error, never a token it may have sent.
    std::string refresh_refusal(const HttpReply& reply) const;

private:
    ZaloSettings settings_;
};

}  // namespace motcua::adapters
