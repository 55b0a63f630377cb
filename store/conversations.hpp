#pragma once
// The dialog state of each contact, stored as the opaque text the dialog engine gave.
#include <cstdint>
#include <string>

#include "adapters/message.hpp"
#include "store/session.hpp"

namespace motcua::store {

// The saved state, or "" for a contact never seen.
std::string load_conversation(Session& s, Channel channel, const std::string& contact);
void save_conversation(Transaction& tx, Channel channel, const std::string& contact,
                       const std::string& state, std::int64_t now_ms);

// What a citizen told about themself (Zalo user_submit_info), for SMS fallback and officers.
struct ContactInfo {
    std::string phone;  // E.164 or ""
    std::string name;
};
void save_contact_info(Transaction& tx, Channel channel, const std::string& contact,
                       const ContactInfo& info, std::int64_t now_ms);
ContactInfo load_contact_info(Session& s, Channel channel, const std::string& contact);

}  // namespace motcua::store
