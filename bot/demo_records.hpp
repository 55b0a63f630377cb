#pragma once
// The demo deployment's sample officers and dossiers (SPEC §7), so that status lookups can be
// tried at once: one officer per demo commune and dossiers in each status worth showing.
#include <cstdint>
#include <string>

#include "store/database.hpp"

namespace motcua::bot {

// Adds whichever sample records are absent; records already there (perhaps edited through the
// admin API) are left alone. Dossier dates are relative to today in the time zone.
void seed_demo_records(store::Database& db, const std::string& timezone, std::int64_t now_ms);

}  // namespace motcua::bot
