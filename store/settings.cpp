#include "store/settings.hpp"

#include "store/statement.hpp"

namespace motcua::store {

std::optional<std::string> load_setting(Session& s, const std::string& key) {
    return s.prepare("SELECT value FROM settings WHERE key = ?1").bind(1, key).first_text();
}

void save_setting(Transaction& tx, const std::string& key, const std::string& value) {
    if (key.empty()) throw StoreError("a setting needs a name");
    tx.prepare(
          "INSERT INTO settings (key, value) VALUES (?1, ?2)"
          " ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind(1, key)
        .bind(2, value)
        .execute();
}

}  // namespace motcua::store
