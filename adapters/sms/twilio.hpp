#pragma once
// SMS through Twilio or any gateway speaking its API (SPEC §3.2): the inbound webhook and the
// Messages resource.
#include <string>
#include <string_view>

#include "adapters/sms/twilio_signature.hpp"
#include "adapters/wire.hpp"

namespace motcua::adapters {

struct TwilioSettings {
    std::string account_sid;
    std::string auth_token;
    std::string from;             // the sender number or id replies go out with
    std::string api_base;         // "https://api.twilio.com"
    std::string public_base_url;  // where Twilio reaches the bot; the signature covers it
};

class TwilioSms {
public:
    static constexpr std::string_view webhook_path = "/webhook/sms";

    explicit TwilioSms(TwilioSettings settings);

    // The URL Twilio posts to and signs: public_base_url + webhook_path.
    std::string webhook_url() const;

    // 403 on a missing or wrong X-Twilio-Signature; 400 when the body is not a UTF-8 form or
    // lacks MessageSid or From; otherwise the one message it carries.
    Decoded decode(const WebhookRequest& request) const;
    HttpAnswer acknowledge() const;  // 200 text/xml <Response/>: "received, nothing to say"

    HttpCall request_for(const Outbound& message) const;  // choices are not sent by SMS
    SendOutcome interpret(const HttpReply& reply) const;

private:
    TwilioSettings settings_;
};

}  // namespace motcua::adapters
