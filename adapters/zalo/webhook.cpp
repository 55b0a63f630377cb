// The inbound half of the Zalo OA adapter: verifying and reading webhook events.
#include <nlohmann/json.hpp>

#include "adapters/crypto.hpp"
#include "adapters/json_error.hpp"
#include "adapters/phone.hpp"
#include "adapters/zalo/json_fields.hpp"
#include "adapters/zalo/oa.hpp"

namespace motcua::adapters {
namespace {

using nlohmann::json;
using zalo_json::member;
using zalo_json::text_of;

Decoded reject(int status, std::string_view message) {
    return Decoded{json_error(status, message), {}};
}

Decoded one(Inbound message) {
    return Decoded{std::nullopt, {std::move(message)}};
}

// "mac=<hex>" as SPEC §3.1 writes it; the bare digest and upper-case hex are accepted too.
std::string provided_digest(std::string_view header) {
    while (!header.empty() && header.front() == ' ') header.remove_prefix(1);
    while (!header.empty() && header.back() == ' ') header.remove_suffix(1);
    if (header.size() > 4 && (header.substr(0, 4) == "mac=" || header.substr(0, 4) == "MAC=")) {
        header.remove_prefix(4);
    }
    std::string digest(header);
    for (char& c : digest) {
        if (c >= 'A' && c <= 'F') c = static_cast<char>(c - 'A' + 'a');
    }
    return digest;
}

// What every event read below shares: who, which event, when.
struct Event {
    const json& body;
    std::string name;
    std::string timestamp;
    std::int64_t at_ms;

    Inbound inbound(Inbound::Kind kind, std::string contact, std::string external_id) const {
        Inbound message;
        message.channel = Channel::zalo;
        message.kind = kind;
        message.contact = std::move(contact);
        message.external_id = std::move(external_id);
        message.at_ms = at_ms;
        return message;
    }
};

Decoded read_message(const Event& event, Inbound::Kind kind) {
    auto sender = text_of(member(member(event.body, "sender"), "id"));
    const json* message = member(event.body, "message");
    auto msg_id = text_of(member(message, "msg_id"));
    if (!sender || sender->empty()) return reject(400, event.name + " without sender.id");
    if (!msg_id || msg_id->empty()) return reject(400, event.name + " without message.msg_id");
    const json* text = member(message, "text");
    if (kind == Inbound::Kind::text && (text == nullptr || !text->is_string())) {
        return reject(400, event.name + " without message.text");
    }
    Inbound inbound = event.inbound(kind, *sender, *msg_id);
    // A caption sent with a photo or a link is kept, though the bot does not read it.
    if (text != nullptr && text->is_string()) inbound.text = text->get<std::string>();
    return one(std::move(inbound));
}

// follow carries no message id: a follower and a moment identify it, and Zalo repeats both when
// it delivers the same event again.
Decoded read_follow(const Event& event) {
    auto follower = text_of(member(member(event.body, "follower"), "id"));
    if (!follower || follower->empty()) return reject(400, "follow without follower.id");
    return one(event.inbound(Inbound::Kind::follow, *follower,
                             "follow:" + *follower + ":" + event.timestamp));
}

// The answer to a request_user_info form. Zalo has sent two shapes of `info`: the older flat
// {name, phone, address, ward, district, city} and the newer {name, phone, user_dob, gender,
// full_address: {user_city, user_ward, user_address}}; both keep name and phone where the bot
// reads them, the address is not needed. The phone comes as "84912345678" or "0912345678".
Decoded read_submitted_info(const Event& event) {
    auto sender = text_of(member(member(event.body, "sender"), "id"));
    if (!sender || sender->empty()) return reject(400, "user_submit_info without sender.id");
    const json* info = member(event.body, "info");
    if (info == nullptr || !info->is_object()) {
        return reject(400, "user_submit_info without an info object");
    }
    Inbound inbound = event.inbound(Inbound::Kind::contact_info, *sender,
                                    "submit_info:" + *sender + ":" + event.timestamp);
    // An unreadable number is dropped rather than kept: it would be texted otherwise.
    if (auto phone = text_of(member(info, "phone"))) inbound.phone = to_e164(*phone).value_or("");
    if (auto name = text_of(member(info, "name"))) inbound.name = *name;
    return one(std::move(inbound));
}

}  // namespace

ZaloOa::ZaloOa(ZaloSettings settings) : settings_(std::move(settings)) {}

Decoded ZaloOa::decode(const WebhookRequest& request) const {
    const std::string* signature = request.header("x-zevent-signature");
    if (signature == nullptr) return reject(401, "missing X-ZEvent-Signature header");
    json body = json::parse(request.body, nullptr, false);
    if (!body.is_object()) return reject(400, "the body is not a JSON object");

    ZaloSignedFields signed_fields = zalo_signed_fields(request.body);
    if (!signed_fields.app_id || !signed_fields.timestamp) {
        return reject(401, "the body has no app_id and timestamp to check the signature with");
    }
    std::string expected = zalo_signature(*signed_fields.app_id, request.body,
                                          *signed_fields.timestamp, settings_.oa_secret_key);
    if (!constant_time_equal(provided_digest(*signature), expected)) {
        return reject(401, "X-ZEvent-Signature does not match");
    }

    const json* name = member(body, "event_name");
    if (name == nullptr || !name->is_string()) return reject(400, "the body has no event_name");
    Event event{body, name->get<std::string>(), *signed_fields.timestamp,
                zalo_json::parse_count(*signed_fields.timestamp).value_or(0)};

    if (event.name == "user_send_text") return read_message(event, Inbound::Kind::text);
    if (event.name == "follow") return read_follow(event);
    if (event.name == "user_submit_info") return read_submitted_info(event);
    // Group chats (user_send_group_*) are not conversations with the OA: no reply belongs there.
    if (event.name.starts_with("user_send_") && !event.name.starts_with("user_send_group_")) {
        return read_message(event, Inbound::Kind::unsupported);
    }
    return Decoded{};
}

HttpAnswer ZaloOa::acknowledge() const {
    return {200, "application/json", "{}"};
}

}  // namespace motcua::adapters
