#include "store/conversations.hpp"

#include "store/statement.hpp"

namespace motcua::store {

std::string load_conversation(Session& s, Channel channel, const std::string& contact) {
    return s.prepare("SELECT state FROM conversations WHERE channel = ?1 AND contact = ?2")
        .bind(1, channel_name(channel))
        .bind(2, contact)
        .first_text()
        .value_or("");
}

void save_conversation(Transaction& tx, Channel channel, const std::string& contact,
                       const std::string& state, std::int64_t now_ms) {
    tx.prepare(
          "INSERT INTO conversations (channel, contact, state, updated_at) VALUES (?1, ?2, ?3, ?4)"
          " ON CONFLICT (channel, contact) DO UPDATE SET state = excluded.state,"
          " updated_at = excluded.updated_at")
        .bind(1, channel_name(channel))
        .bind(2, contact)
        .bind(3, state)
        .bind(4, now_ms)
        .execute();
}

void save_contact_info(Transaction& tx, Channel channel, const std::string& contact,
                       const ContactInfo& info, std::int64_t now_ms) {
    tx.prepare(
          "INSERT INTO contacts (channel, contact, phone, name, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)"
          " ON CONFLICT (channel, contact) DO UPDATE SET"
          " phone = CASE WHEN excluded.phone <> '' THEN excluded.phone ELSE phone END,"
          " name = CASE WHEN excluded.name <> '' THEN excluded.name ELSE name END,"
          " updated_at = excluded.updated_at")
        .bind(1, channel_name(channel))
        .bind(2, contact)
        .bind(3, info.phone)
        .bind(4, info.name)
        .bind(5, now_ms)
        .execute();
}

ContactInfo load_contact_info(Session& s, Channel channel, const std::string& contact) {
    auto& query = s.prepare("SELECT phone, name FROM contacts WHERE channel = ?1 AND contact = ?2");
    query.bind(1, channel_name(channel)).bind(2, contact);
    if (!query.step()) return {};
    ContactInfo info{query.column_text(0), query.column_text(1)};
    query.reset();
    return info;
}

}  // namespace motcua::store
