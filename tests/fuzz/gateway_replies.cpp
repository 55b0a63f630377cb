// What the gateways answer to a send and to a token refresh (adapters/zalo, adapters/sms): the
// first byte picks an HTTP status, the rest is the body. A gateway is outside the bot's control,
// and its words end up in the outbox and the log.
#include <array>
#include <cstdint>

#include "adapters/sms/twilio.hpp"
#include "adapters/utf8.hpp"
#include "adapters/zalo/oa.hpp"
#include "fuzz_support.hpp"

namespace {

using namespace motcua;

// The statuses the adapters tell apart, and some they do not know.
constexpr std::array<int, 16> statuses = {200, 201, 202, 204, 301, 400, 401, 403,
                                          404, 409, 429, 500, 502, 503, 504, 999};

void check(const SendOutcome& outcome, const HttpReply& reply, std::string_view gateway) {
    const bool accepted = outcome.kind == SendOutcome::Kind::accepted;
    fuzz::require(!accepted || (reply.status >= 200 && reply.status < 300),
                  "only a 2xx answer accepts a message");
    if (accepted) return;
    // The bot's own prefix ("Zalo error -201: ", "Twilio answered HTTP 400, error 21610: ")
    // and at most max_gateway_words characters of the gateway's.
    fuzz::require(adapters::is_valid_utf8(outcome.detail), "a reason is UTF-8 text");
    fuzz::require(outcome.detail.starts_with(gateway), "a reason names the gateway");
    fuzz::require(outcome.detail.size() <= 160 + 4 * SendOutcome::max_gateway_words,
                  "a gateway's message is kept short");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const adapters::ZaloOa zalo({"3482178216594085616", "oa-secret", "app-secret",
                                        "https://openapi.zalo.me", "https://oauth.zaloapp.com"});
    static const adapters::TwilioSms sms({"AC6f1e2d3c4b5a69788796a5b4c3d2e1f0",
                                          "9b2c4e6f8a0b1c3d5e7f9a1b3c5d7e9f", "+84900000001",
                                          "https://api.twilio.com", "https://bot.example.vn"});
    if (size == 0) return 0;
    const HttpReply reply{statuses[data[0] % statuses.size()],
                          std::string(fuzz::as_text(data + 1, size - 1))};

    const SendOutcome to_zalo = zalo.interpret(reply);
    check(to_zalo, reply, "Zalo");
    fuzz::require(to_zalo.kind != SendOutcome::Kind::accepted || reply.status == 200,
                  "Zalo accepts with HTTP 200 only");
    const SendOutcome to_twilio = sms.interpret(reply);
    check(to_twilio, reply, "Twilio");
    fuzz::require(to_twilio.kind != SendOutcome::Kind::accepted || !to_twilio.detail.empty(),
                  "Twilio's acceptance carries the message sid");

    if (const auto tokens = zalo.parse_refresh(reply)) {
        fuzz::require(reply.status == 200, "tokens come with HTTP 200 only");
        fuzz::require(!tokens->access_token.empty() && !tokens->refresh_token.empty(),
                      "a refresh gives both tokens");
        for (const std::string* token : {&tokens->access_token, &tokens->refresh_token}) {
            fuzz::require(token->find_first_of("\r\n ") == std::string::npos, "a token can go in a header");
        }
        fuzz::require(tokens->expires_in_s >= 0, "a token's lifetime is not negative");
    }
    return 0;
}
