#include "bot/channels.hpp"

#include "adapters/sms/twilio.hpp"
#include "adapters/zalo/oa.hpp"
#include "bot/sms_sender.hpp"
#include "bot/zalo_sender.hpp"

namespace motcua::bot {

std::map<Channel, Sender*> Channels::sender_pointers() const {
    std::map<Channel, Sender*> pointers;
    for (const auto& [channel, sender] : senders) pointers[channel] = sender.get();
    return pointers;
}

ChannelMedia make_media(const Config& config) {
    ChannelMedia media;
    media.sms.sms = true;
    media.sms.buttons = false;
    if (config.sms) {
        media.sms.unicode = config.sms->unicode;
        media.sms.max_segments = config.sms->max_segments;
    } else {
        media.sms.unicode = false;
    }
    media.zalo.sms = false;
    media.zalo.buttons = true;
    media.zalo.max_chars = 2000;
    return media;
}

Channels make_channels(const Config& config, HttpClient& client, store::Database& db) {
    Channels channels;
    if (config.sms) {
        adapters::TwilioSms sms({config.sms->account_sid, config.sms->auth_token, config.sms->from,
                                 config.sms->api_base, config.public_base_url});
        channels.webhooks[std::string(adapters::TwilioSms::webhook_path)] = {
            Channel::sms, [sms](const WebhookRequest& r) { return sms.decode(r); }, sms.acknowledge()};
        if (config.demo) channels.senders[Channel::sms] = std::make_unique<LogSender>();
        else channels.senders[Channel::sms] = std::make_unique<SmsSender>(sms, client, config.sms->unicode);
    }
    if (config.zalo) {
        const auto& z = *config.zalo;
        adapters::ZaloOa oa({z.app_id, z.oa_secret_key, z.app_secret, z.api_base, z.oauth_base});
        channels.webhooks[std::string(adapters::ZaloOa::webhook_path)] = {
            Channel::zalo, [oa](const WebhookRequest& r) { return oa.decode(r); }, oa.acknowledge()};
        if (config.demo) channels.senders[Channel::zalo] = std::make_unique<LogSender>();
        else channels.senders[Channel::zalo] = std::make_unique<ZaloSender>(oa, client, db, adapters::ZaloTokens{z.access_token, z.refresh_token, 0});
    }
    return channels;
}

}  // namespace motcua::bot
