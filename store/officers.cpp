#include "store/officers.hpp"

#include <nlohmann/json.hpp>

#include "store/rows.hpp"

#define MOTCUA_OFFICER_COLUMNS "id, name, title, phone, unit, fields, backup, active"

namespace motcua::store {
namespace {

Officer read_officer(const Statement& row) {
    Officer officer{row.column_text(0), row.column_text(1), row.column_text(2), row.column_text(3),
                    row.column_text(4), {}, row.column_text(6), row.column_int64(7) != 0};
    const auto fields = nlohmann::json::parse(row.column_text(5), nullptr, false);
    if (!fields.is_array()) throw StoreError("officer '" + officer.id + "' has unreadable fields");
    for (const auto& field : fields) {
        if (!field.is_string()) throw StoreError("officer '" + officer.id + "' has unreadable fields");
        officer.fields.push_back(field.get<std::string>());
    }
    return officer;
}

}  // namespace

bool upsert_officer(Transaction& tx, const Officer& officer, std::int64_t now_ms) {
    const bool known = tx.prepare("SELECT 1 FROM officers WHERE id = ?1").bind(1, officer.id).first_text().has_value();
    tx.prepare(
          "INSERT INTO officers (" MOTCUA_OFFICER_COLUMNS ", updated_at)"
          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
          " ON CONFLICT (id) DO UPDATE SET name = excluded.name, title = excluded.title,"
          " phone = excluded.phone, unit = excluded.unit, fields = excluded.fields,"
          " backup = excluded.backup, active = excluded.active, updated_at = excluded.updated_at")
        .bind(1, officer.id)
        .bind(2, officer.name)
        .bind(3, officer.title)
        .bind(4, officer.phone)
        .bind(5, officer.unit)
        .bind(6, nlohmann::json(officer.fields).dump())
        .bind(7, officer.backup)
        .bind(8, officer.active ? 1 : 0)
        .bind(9, now_ms)
        .execute();
    return !known;
}

std::optional<Officer> find_officer(Session& s, const std::string& id) {
    return read_first_row(s.prepare("SELECT " MOTCUA_OFFICER_COLUMNS " FROM officers WHERE id = ?1").bind(1, id),
                          read_officer);
}

std::optional<Officer> find_active_officer_by_phone(Session& s, const std::string& phone) {
    return read_first_row(s.prepare("SELECT " MOTCUA_OFFICER_COLUMNS " FROM officers WHERE phone = ?1 AND active = 1"
                                    " ORDER BY id LIMIT 1")
                              .bind(1, phone),
                          read_officer);
}

std::vector<Officer> list_officers(Session& s) {
    return read_rows(s.prepare("SELECT " MOTCUA_OFFICER_COLUMNS " FROM officers ORDER BY id"), read_officer);
}

}  // namespace motcua::store
