// The outbound half of the Zalo OA adapter: customer-service messages and what Zalo answers.
#include <nlohmann/json.hpp>

#include "adapters/gateway_words.hpp"
#include "adapters/utf8.hpp"
#include "adapters/url.hpp"
#include "adapters/zalo/json_fields.hpp"
#include "adapters/zalo/oa.hpp"

namespace motcua::adapters {
namespace {

using nlohmann::json;
using zalo_json::member;

std::string describe(std::int64_t code, const json& body) {
    std::string text = "Zalo error " + std::to_string(code);
    if (const json* message = member(body, "message"); message && message->is_string()) {
        text += ": " + gateway_words(message->get<std::string>());
    }
    return text;
}

}  // namespace

HttpCall ZaloOa::request_for(const Outbound& message, std::string_view access_token) const {
    json content = {{"text", message.text}};
    if (!message.choices.empty()) {
        json buttons = json::array();
        for (std::size_t i = 0; i < message.choices.size() && i < max_choices; ++i) {
            const Choice& choice = message.choices[i];
            buttons.push_back({{"title", shorten_utf8(choice.title, max_choice_title)},
                               {"type", "oa.query.hide"},
                               {"payload", choice.payload}});
        }
        content["attachment"] = {{"type", "template"}, {"payload", {{"buttons", buttons}}}};
    }
    json body = {{"recipient", {{"user_id", message.contact}}}, {"message", content}};

    HttpCall call;
    call.method = "POST";
    call.url = join_url(settings_.api_base, "/v3.0/oa/message/cs");
    call.headers = {{"access_token", std::string(access_token)},
                    {"Content-Type", "application/json"}};
    call.body = body.dump(-1, ' ', false, json::error_handler_t::replace);
    return call;
}

SendOutcome ZaloOa::interpret(const HttpReply& reply) const {
    using Kind = SendOutcome::Kind;
    // Status 0 is the transport failing; its reason (DNS, refused, TLS) is what an operator needs.
    if (reply.status == 0)
        return {Kind::retry, "Zalo could not be reached" + (reply.body.empty() ? "" : ": " + reply.body)};
    if (reply.status != 200) return {Kind::retry, "Zalo answered HTTP " + std::to_string(reply.status)};
    json body = json::parse(reply.body, nullptr, false);
    const json* error = member(body, "error");
    if (error == nullptr || !error->is_number_integer()) {
        return {Kind::retry, "Zalo answered HTTP 200 without an error code"};
    }
    auto code = error->get<std::int64_t>();
    switch (code) {
        case 0: {
            auto id = zalo_json::text_of(member(member(body, "data"), "message_id"));
            return {Kind::accepted, id.value_or("")};
        }
        case -216:  // access token invalid
        case -220:  // access token expired or revoked
            return {Kind::refresh_auth, describe(code, body)};
        case -230:  // the citizen has not written to the OA in the last 7 days
            return {Kind::fallback_sms, describe(code, body)};
        case -32:  // rate limit
            return {Kind::retry, describe(code, body)};
        default:
            return {Kind::dead, describe(code, body)};
    }
}

}  // namespace motcua::adapters
