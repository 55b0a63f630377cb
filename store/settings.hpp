#pragma once
// Small durable values the bot rotates at run time, such as Zalo's access and refresh tokens.
#include <optional>
#include <string>

#include "store/session.hpp"

namespace motcua::store {

std::optional<std::string> load_setting(Session& s, const std::string& key);
void save_setting(Transaction& tx, const std::string& key, const std::string& value);

}  // namespace motcua::store
