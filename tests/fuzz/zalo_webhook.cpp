// Zalo OA webhooks (adapters/zalo): every input is a raw body, decoded once signed as Zalo
// would sign it, so the event reader behind the signature check is reached, and once with a
// signature made with the wrong key, which must never let a message through.
#include <cstdint>

#include "adapters/zalo/oa.hpp"
#include "fuzz_support.hpp"

namespace {

using namespace motcua;

const adapters::ZaloSettings settings{"3482178216594085616", "Xk29fTqLm81ZbPw4RsVd",
                                      "q7Hn2LpVx9Tc4MwZ8KdR", "https://openapi.zalo.me",
                                      "https://oauth.zaloapp.com"};

WebhookRequest signed_with(std::string_view body, std::string_view key) {
    auto fields = adapters::zalo_signed_fields(body);
    WebhookRequest request{std::string(adapters::ZaloOa::webhook_path),
                           {{"content-type", "application/json"}}, std::string(body)};
    request.headers["x-zevent-signature"] =
        "mac=" + adapters::zalo_signature(fields.app_id.value_or(""), body,
                                          fields.timestamp.value_or(""), key);
    return request;
}

void check_shape(const Decoded& decoded) {
    fuzz::require(!decoded.rejection || decoded.messages.empty(), "a rejection carries no message");
    fuzz::require(decoded.messages.size() <= 1, "one event gives at most one message");
    if (decoded.rejection) {
        const int status = decoded.rejection->status;
        fuzz::require(status == 400 || status == 401, "a rejected webhook answers 400 or 401");
        fuzz::require(!decoded.rejection->body.empty(), "a rejection says why");
    }
    for (const Inbound& message : decoded.messages) {
        fuzz::require(message.channel == Channel::zalo, "a Zalo event is a Zalo message");
        fuzz::require(!message.contact.empty(), "a message names its sender");
        fuzz::require(!message.external_id.empty(), "a message has an id to deduplicate on");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const adapters::ZaloOa oa(settings);
    const std::string_view body = fuzz::as_text(data, size);

    check_shape(oa.decode(signed_with(body, settings.oa_secret_key)));

    const Decoded forged = oa.decode(signed_with(body, "not-the-oa-secret-key"));
    check_shape(forged);
    fuzz::require(forged.rejection.has_value(), "a wrong signature is rejected");
    return 0;
}
