#include "adapters/sms/twilio.hpp"

#include <charconv>
#include <utility>

#include <nlohmann/json.hpp>

#include "adapters/crypto.hpp"
#include "adapters/gateway_words.hpp"
#include "adapters/json_error.hpp"
#include "adapters/phone.hpp"
#include "adapters/url.hpp"
#include "adapters/utf8.hpp"

namespace motcua::adapters {
namespace {

constexpr std::string_view form_type = "application/x-www-form-urlencoded";

bool is_form(const std::string& content_type) {
    std::string_view media = content_type;
    media = media.substr(0, media.find(';'));
    while (!media.empty() && media.back() == ' ') media.remove_suffix(1);
    while (!media.empty() && media.front() == ' ') media.remove_prefix(1);
    if (media.size() != form_type.size()) return false;
    for (std::size_t i = 0; i < media.size(); ++i) {
        char c = media[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != form_type[i]) return false;
    }
    return true;
}

Decoded reject(int status, std::string_view message) {
    return Decoded{json_error(status, message), {}};
}

// MMS without words: nothing the bot can read.
bool is_media_only(const FormFields& fields, const std::string& body) {
    const std::string* media = form_value(fields, "NumMedia");
    if (!body.empty() || media == nullptr) return false;
    int count = 0;
    auto [end, error] = std::from_chars(media->data(), media->data() + media->size(), count);
    return error == std::errc{} && end == media->data() + media->size() && count > 0;
}

// Twilio's error answers carry {"code": 21211, "message": "..."}.
std::string describe(const HttpReply& reply) {
    std::string text = "Twilio answered HTTP " + std::to_string(reply.status);
    auto body = nlohmann::json::parse(reply.body, nullptr, false);
    if (!body.is_object()) return text;
    if (auto code = body.find("code"); code != body.end() && code->is_number_integer()) {
        text += ", error " + std::to_string(code->get<std::int64_t>());
    }
    if (auto message = body.find("message"); message != body.end() && message->is_string()) {
        text += ": " + gateway_words(message->get<std::string>());
    }
    return text;
}

}  // namespace

TwilioSms::TwilioSms(TwilioSettings settings) : settings_(std::move(settings)) {}

std::string TwilioSms::webhook_url() const {
    return join_url(settings_.public_base_url, webhook_path);
}

Decoded TwilioSms::decode(const WebhookRequest& request) const {
    const std::string* signature = request.header("x-twilio-signature");
    if (signature == nullptr) return reject(403, "missing X-Twilio-Signature header");
    if (const std::string* type = request.header("content-type"); type && !is_form(*type)) {
        return reject(400, "the body must be application/x-www-form-urlencoded");
    }
    auto fields = decode_form(request.body);
    if (!fields) return reject(400, "the body is not a valid form: bad % escape");
    if (!constant_time_equal(*signature,
                             twilio_signature(settings_.auth_token, webhook_url(), *fields))) {
        return reject(403, "X-Twilio-Signature does not match");
    }
    for (const auto& [name, value] : *fields) {
        if (!is_valid_utf8(name)) return reject(400, "a form field's name is not valid UTF-8");
        if (!is_valid_utf8(value)) return reject(400, "form field " + name + " is not valid UTF-8");
    }
    const std::string* sid = form_value(*fields, "MessageSid");
    const std::string* from = form_value(*fields, "From");
    if (sid == nullptr || sid->empty()) return reject(400, "MessageSid is missing");
    if (from == nullptr || from->empty()) return reject(400, "From is missing");
    const std::string* body = form_value(*fields, "Body");

    Inbound message;
    message.channel = Channel::sms;
    // An alphanumeric sender or a short code has no E.164 form: it stays as the gateway wrote it.
    message.contact = to_e164(*from).value_or(*from);
    message.external_id = *sid;
    message.text = body ? *body : std::string();
    message.kind = is_media_only(*fields, message.text) ? Inbound::Kind::unsupported
                                                        : Inbound::Kind::text;
    return Decoded{std::nullopt, {std::move(message)}};
}

HttpAnswer TwilioSms::acknowledge() const {
    return {200, "text/xml", "<Response/>"};
}

HttpCall TwilioSms::request_for(const Outbound& message) const {
    HttpCall call;
    call.method = "POST";
    call.url = join_url(settings_.api_base,
                        "/2010-04-01/Accounts/" + settings_.account_sid + "/Messages.json");
    call.headers = {
        {"Authorization",
         "Basic " + base64_encode(settings_.account_sid + ":" + settings_.auth_token)},
        {"Content-Type", std::string(form_type)},
        {"Accept", "application/json"},
    };
    call.body = encode_form({{"To", message.contact}, {"From", settings_.from}, {"Body", message.text}});
    return call;
}

SendOutcome TwilioSms::interpret(const HttpReply& reply) const {
    using Kind = SendOutcome::Kind;
    // Status 0 is the transport failing; its reason (DNS, refused, TLS) is what an operator needs.
    if (reply.status == 0)
        return {Kind::retry, "Twilio could not be reached" + (reply.body.empty() ? "" : ": " + reply.body)};
    if (reply.status >= 200 && reply.status < 300) {
        auto body = nlohmann::json::parse(reply.body, nullptr, false);
        if (body.is_object()) {
            if (auto sid = body.find("sid"); sid != body.end() && sid->is_string() &&
                                             !sid->get<std::string>().empty()) {
                return {Kind::accepted, sid->get<std::string>()};
            }
        }
        return {Kind::retry, describe(reply) + " without a message sid"};
    }
    // 401/403 (Twilio error 20003) mean the account's credentials were refused: a fault of the
    // deployment, not of this message. Retrying keeps every reply until the operator fixes the
    // credentials; the outbox's give-up delay still ends it if nobody does.
    if (reply.status == 401 || reply.status == 403) {
        return {Kind::retry, describe(reply) + " (check sms.account_sid and sms.auth_token)"};
    }
    if (reply.status >= 400 && reply.status < 500 && reply.status != 429) {
        return {Kind::dead, describe(reply)};
    }
    return {Kind::retry, describe(reply)};
}

}  // namespace motcua::adapters
