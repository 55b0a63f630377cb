#pragma once
// The officers (cán bộ) of the one-stop shop: who is in charge of a dossier, and later whom a
// conversation is handed to. Written by the admin API, already validated there.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/session.hpp"

namespace motcua::store {

struct Officer {
    std::string id;
    std::string name;
    std::string title;
    std::string phone;                // E.164
    std::string unit;                 // a configured unit id
    std::vector<std::string> fields;  // catalog field ids
    std::string backup;               // another officer's id, or ""
    bool active = true;

    bool operator==(const Officer&) const = default;
};

// Inserts or replaces the officer; returns true when it is new.
bool upsert_officer(Transaction& tx, const Officer& officer, std::int64_t now_ms);
std::optional<Officer> find_officer(Session& s, const std::string& id);
std::vector<Officer> list_officers(Session& s);  // ordered by id
// The active officer with this phone (E.164), if any: an SMS from it is an officer's, not a
// citizen's. With two sharing a phone, the first by id.
std::optional<Officer> find_active_officer_by_phone(Session& s, const std::string& phone);

}  // namespace motcua::store
