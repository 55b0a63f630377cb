// Twilio SMS webhooks (adapters/sms): every input is a raw form body, decoded once signed with
// the account's auth token, so the form reader behind the signature check is reached, and once
// signed with another token, which must never let a message through.
#include <cstdint>

#include "adapters/sms/twilio.hpp"
#include "fuzz_support.hpp"

namespace {

using namespace motcua;

const adapters::TwilioSettings settings{"AC6f1e2d3c4b5a69788796a5b4c3d2e1f0",
                                        "9b2c4e6f8a0b1c3d5e7f9a1b3c5d7e9f", "+84900000001",
                                        "https://api.twilio.com", "https://bot.example.vn"};

WebhookRequest signed_with(const adapters::TwilioSms& sms, std::string_view body,
                           std::string_view token) {
    WebhookRequest request{std::string(adapters::TwilioSms::webhook_path),
                           {{"content-type", "application/x-www-form-urlencoded; charset=utf-8"}},
                           std::string(body)};
    // A body that is not a form cannot be signed as Twilio would; any signature then stands.
    auto fields = adapters::decode_form(body);
    request.headers["x-twilio-signature"] =
        adapters::twilio_signature(token, sms.webhook_url(), fields.value_or(adapters::FormFields{}));
    return request;
}

void check_shape(const Decoded& decoded) {
    fuzz::require(!decoded.rejection || decoded.messages.empty(), "a rejection carries no message");
    fuzz::require(decoded.messages.size() <= 1, "one webhook gives at most one message");
    if (decoded.rejection) {
        const int status = decoded.rejection->status;
        fuzz::require(status == 400 || status == 403, "a rejected webhook answers 400 or 403");
    }
    for (const Inbound& message : decoded.messages) {
        fuzz::require(message.channel == Channel::sms, "a Twilio webhook is an SMS");
        fuzz::require(!message.contact.empty(), "a message names its sender");
        fuzz::require(!message.external_id.empty(), "a message has an id to deduplicate on");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const adapters::TwilioSms sms(settings);
    const std::string_view body = fuzz::as_text(data, size);

    check_shape(sms.decode(signed_with(sms, body, settings.auth_token)));

    const Decoded forged = sms.decode(signed_with(sms, body, "0000000000000000000000000000000f"));
    check_shape(forged);
    fuzz::require(forged.rejection.has_value(), "a wrong signature is rejected");
    return 0;
}
