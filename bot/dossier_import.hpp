#pragma once
// `motcua import dossiers FILE.csv` (SPEC §1): the one-stop shop's export, upserted row by row
// with the admin API's validation. A bad row is reported with its line number and nothing of it
// is written; the other rows go in, and status changes are announced to followers.
#include <cstddef>
#include <cstdint>
#include <istream>
#include <memory>
#include <ostream>
#include <string>

#include "bot/config.hpp"
#include "bot/references.hpp"
#include "bot/status_notifier.hpp"
#include "dialogs/content.hpp"
#include "store/database.hpp"

namespace motcua::bot {

struct ImportCounts {
    std::size_t inserted = 0;
    std::size_t updated = 0;
    std::size_t unchanged = 0;
    std::size_t rejected = 0;
};

struct ImportReport {
    ImportCounts counts;
    std::string error;  // why the import stopped (a bad header, the store failing), or ""
};

// The header row names the columns: "code" and the fields of SPEC §4.2, in any order; the
// optional ones may be left out. Each rejected row is written to rejections as
// "line N: field: message", in line order.
ImportReport import_dossiers(std::istream& csv, store::Database& db, const References& refs,
                             const StatusNotifier& notifier, std::int64_t now_ms, std::ostream& rejections);

// The command: prints the counts on out, problems on err. Exit code 0 when every row went in,
// 1 when some row was rejected or the import could not run.
int import_dossiers_command(const Config& config, std::shared_ptr<const dialogs::Content> content,
                            const std::string& file, std::ostream& out, std::ostream& err);

}  // namespace motcua::bot
