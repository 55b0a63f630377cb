#include "store/dossiers.hpp"

#include <sqlite3.h>

#include "store/statement.hpp"

namespace motcua::store {

namespace {

// ?1 is the code and ?2 to ?9 the other columns, in both statements.
void bind_dossier(Statement& statement, const Dossier& d) {
    statement.bind(1, d.code)
        .bind(2, d.procedure)
        .bind(3, d.unit)
        .bind(4, d.status)
        .bind(5, d.received_at)
        .bind(6, d.due_at)
        .bind(7, d.officer)
        .bind(8, d.applicant_phone)
        .bind(9, d.note);
}

}  // namespace

DossierUpserter::DossierUpserter(Transaction& tx)
    : db_(tx.handle()),
      // Without RETURNING, which would make SQLite collect the rows of every insert apart.
      insert_(tx.prepare(
          "INSERT INTO dossiers (code, procedure, unit, status, received_at, due_at, officer,"
          " applicant_phone, note, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
          " ON CONFLICT (code) DO NOTHING")),
      // The stored status, and whether every column already holds the new value: the change is
      // decided inside SQLite, without copying the stored row out.
      compare_(tx.prepare(
          "SELECT status, procedure = ?2 AND unit = ?3 AND status = ?4 AND received_at = ?5"
          " AND due_at = ?6 AND officer = ?7 AND applicant_phone = ?8 AND note = ?9"
          " FROM dossiers WHERE code = ?1")),
      update_(tx.prepare(
          "UPDATE dossiers SET procedure = ?2, unit = ?3, status = ?4, received_at = ?5, due_at = ?6,"
          " officer = ?7, applicant_phone = ?8, note = ?9, updated_at = ?10 WHERE code = ?1")) {}

DossierWrite DossierUpserter::upsert(const Dossier& dossier, std::int64_t now_ms) {
    // Inserting first: a first load is all new dossiers, and a conflict costs one index seek.
    bind_dossier(insert_, dossier);
    insert_.bind(10, now_ms).execute();
    if (sqlite3_changes(db_) == 1) return {DossierWrite::Kind::inserted, ""};
    bind_dossier(compare_, dossier);
    if (!compare_.step()) throw StoreError("dossier " + dossier.code + " vanished inside its transaction");
    const bool same = compare_.column_int64(1) != 0;
    std::string stored_status = compare_.column_text(0);
    compare_.reset();
    if (same) return {DossierWrite::Kind::unchanged, ""};
    bind_dossier(update_, dossier);
    update_.bind(10, now_ms).execute();
    return {DossierWrite::Kind::updated, stored_status != dossier.status ? std::move(stored_status) : ""};
}

DossierWrite upsert_dossier(Transaction& tx, const Dossier& dossier, std::int64_t now_ms) {
    return DossierUpserter(tx).upsert(dossier, now_ms);
}

std::optional<Dossier> find_dossier(Session& s, const std::string& code) {
    auto& query = s.prepare(
        "SELECT code, procedure, unit, status, received_at, due_at, officer, applicant_phone, note"
        " FROM dossiers WHERE code = ?1");
    if (!query.bind(1, code).step()) return std::nullopt;
    Dossier dossier{query.column_text(0), query.column_text(1), query.column_text(2),
                    query.column_text(3), query.column_text(4), query.column_text(5),
                    query.column_text(6), query.column_text(7), query.column_text(8)};
    query.reset();
    return dossier;
}

std::int64_t count_dossiers(Session& s) { return s.prepare("SELECT count(*) FROM dossiers").single_int64(); }

void record_dossier_lookup(Transaction& tx, const std::string& code, bool found, Channel channel,
                           std::int64_t now_ms) {
    tx.prepare("INSERT INTO dossier_lookups (code, found, channel, at) VALUES (?1, ?2, ?3, ?4)")
        .bind(1, code)
        .bind(2, found ? 1 : 0)
        .bind(3, channel_name(channel))
        .bind(4, now_ms)
        .execute();
}

std::int64_t count_dossier_lookups(Session& s, std::int64_t from_ms, std::int64_t to_ms) {
    return s.prepare("SELECT count(*) FROM dossier_lookups WHERE at >= ?1 AND at < ?2")
        .bind(1, from_ms)
        .bind(2, to_ms)
        .single_int64();
}

}  // namespace motcua::store
