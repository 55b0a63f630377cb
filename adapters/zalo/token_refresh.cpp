// Zalo access tokens last about a day; a refresh token buys the next pair, once.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "adapters/form.hpp"
#include "adapters/gateway_words.hpp"
#include "adapters/url.hpp"
#include "adapters/zalo/json_fields.hpp"
#include "adapters/zalo/oa.hpp"

namespace motcua::adapters {
namespace {

// Zalo's tokens are a few hundred visible ASCII characters. Anything else would go into the
// headers of every later call (a line break would even add headers of its own), so it is refused.
constexpr std::size_t max_token_length = 4096;

bool is_token(const std::string& token) {
    return !token.empty() && token.size() <= max_token_length &&
           std::all_of(token.begin(), token.end(), [](char c) { return c > ' ' && c < 0x7f; });
}

}  // namespace

HttpCall ZaloOa::refresh_request(std::string_view refresh_token) const {
    HttpCall call;
    call.method = "POST";
    call.url = join_url(settings_.oauth_base, "/v4/oa/access_token");
    call.headers = {{"secret_key", settings_.app_secret},
                    {"Content-Type", "application/x-www-form-urlencoded"}};
    call.body = encode_form({{"refresh_token", std::string(refresh_token)},
                             {"app_id", settings_.app_id},
                             {"grant_type", "refresh_token"}});
    return call;
}

// Success is {"access_token": "...", "refresh_token": "...", "expires_in": "90000"} (the
// lifetime as a string); a refusal is {"error": -14014, "error_name": ..., ...} with HTTP 200.
std::optional<ZaloTokens> ZaloOa::parse_refresh(const HttpReply& reply) const {
    if (reply.status != 200) return std::nullopt;
    auto body = nlohmann::json::parse(reply.body, nullptr, false);
    auto access = zalo_json::text_of(zalo_json::member(body, "access_token"));
    auto refresh = zalo_json::text_of(zalo_json::member(body, "refresh_token"));
    if (!access || !is_token(*access) || !refresh || !is_token(*refresh)) return std::nullopt;
    ZaloTokens tokens{*access, *refresh, 0};
    if (auto expires = zalo_json::text_of(zalo_json::member(body, "expires_in"))) {
        tokens.expires_in_s = zalo_json::parse_count(*expires).value_or(0);
    }
    return tokens;
}

std::string ZaloOa::refresh_refusal(const HttpReply& reply) const {
    if (reply.status == 0) return "Zalo's OAuth server could not be reached: " + reply.body;
    std::string text = "Zalo's OAuth server answered HTTP " + std::to_string(reply.status);
    const auto body = nlohmann::json::parse(reply.body, nullptr, false);
    if (!body.is_object()) return text + " with " + std::to_string(reply.body.size()) + " bytes that are not a JSON object";
    if (const auto* code = zalo_json::member(body, "error"); code && code->is_number_integer()) {
        text += ", error " + std::to_string(code->get<std::int64_t>());
    }
    for (const char* key : {"error_name", "error_description", "message"}) {
        if (const auto* words = zalo_json::member(body, key); words && words->is_string()) {
            return text + ": " + gateway_words(words->get<std::string>());
        }
    }
    return text + " without two usable tokens";
}

}  // namespace motcua::adapters
