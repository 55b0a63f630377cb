#pragma once
// The dossiers (hồ sơ) fed by the one-stop shop, by their canonical code, and the record of
// citizens' lookups. Values arrive validated (bot/dossier_validation.hpp); the store keeps them
// as given and says what a write changed, so that a status change can be announced.
#include <cstdint>
#include <optional>
#include <string>

#include "adapters/message.hpp"
#include "store/session.hpp"

namespace motcua::store {

class Statement;

struct Dossier {
    std::string code;             // canonical: upper case, "H23.22-220110-0001"
    std::string procedure;        // a catalog procedure id
    std::string unit;             // a configured unit id
    std::string status;           // a word of SPEC §4.2's vocabulary
    std::string received_at;      // YYYY-MM-DD
    std::string due_at;           // YYYY-MM-DD
    std::string officer;          // an officer id, or ""
    std::string applicant_phone;  // E.164, or ""
    std::string note;

    bool operator==(const Dossier&) const = default;
};

struct DossierWrite {
    enum class Kind { inserted, updated, unchanged };
    Kind kind = Kind::inserted;
    std::string previous_status;  // the status replaced, set only when it changed
    bool status_changed() const { return !previous_status.empty(); }
};

// Writes dossiers in one transaction with its statements prepared once: what an import of a
// million rows needs. A dossier equal to the stored one is not written at all.
class DossierUpserter {
public:
    explicit DossierUpserter(Transaction& tx);
    // Inserts the dossier or replaces the stored one; previous_status is set only when the
    // status changed.
    DossierWrite upsert(const Dossier& dossier, std::int64_t now_ms);

private:
    sqlite3* db_;
    Statement& insert_;
    Statement& compare_;
    Statement& update_;
};

// One write, for callers with a single dossier.
DossierWrite upsert_dossier(Transaction& tx, const Dossier& dossier, std::int64_t now_ms);
std::optional<Dossier> find_dossier(Session& s, const std::string& code);
std::int64_t count_dossiers(Session& s);

// A citizen asked about this code; found says whether it was known.
void record_dossier_lookup(Transaction& tx, const std::string& code, bool found, Channel channel,
                           std::int64_t now_ms);
// Lookups with from_ms <= at < to_ms.
std::int64_t count_dossier_lookups(Session& s, std::int64_t from_ms, std::int64_t to_ms);

}  // namespace motcua::store
