#include "store/inbound_log.hpp"

#include "store/message_log.hpp"
#include "store/statement.hpp"

namespace motcua::store {
namespace {

std::string_view kind_name(Inbound::Kind kind) {
    switch (kind) {
        case Inbound::Kind::text: return "text";
        case Inbound::Kind::follow: return "follow";
        case Inbound::Kind::contact_info: return "contact_info";
        case Inbound::Kind::unsupported: return "unsupported";
    }
    throw StoreError("unknown inbound message kind");
}

}  // namespace

bool record_inbound(Transaction& tx, const Inbound& message, std::int64_t received_at_ms) {
    if (message.external_id.empty())
        throw StoreError("an inbound message without the gateway's id cannot be deduplicated");
    if (message.contact.empty()) throw StoreError("an inbound message without a sender");
    auto& seen = tx.prepare("SELECT 1 FROM inbound WHERE channel = ?1 AND external_id = ?2");
    if (seen.bind(1, channel_name(message.channel)).bind(2, message.external_id).first_text())
        return false;
    const auto log_id = append_message_log(tx, Direction::in, message.channel, message.contact,
                                           message.text, received_at_ms);
    auto& insert = tx.prepare(
        "INSERT INTO inbound (channel, external_id, contact, kind, gateway_at, received_at,"
        " message_log_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    insert.bind(1, channel_name(message.channel))
        .bind(2, message.external_id)
        .bind(3, message.contact)
        .bind(4, kind_name(message.kind))
        .bind(6, received_at_ms)
        .bind(7, log_id);
    if (message.at_ms != 0) insert.bind(5, message.at_ms);  // unbound: NULL, the gateway did not say
    insert.execute();
    return true;
}

void record_turn(Transaction& tx, const Inbound& message, const std::string& intent, const std::string& procedure,
                 const std::string& unit) {
    tx.prepare("UPDATE inbound SET intent = ?3, procedure = nullif(?4, ''), unit = nullif(?5, '')"
               " WHERE channel = ?1 AND external_id = ?2")
        .bind(1, channel_name(message.channel))
        .bind(2, message.external_id)
        .bind(3, intent)
        .bind(4, procedure)
        .bind(5, unit)
        .execute();
}

std::int64_t count_inbound(Session& s, Channel channel) {
    auto& count = s.prepare("SELECT count(*) FROM inbound WHERE channel = ?1");
    return count.bind(1, channel_name(channel)).single_int64();
}

}  // namespace motcua::store
