#include "bot/dossier_import.hpp"

#include <algorithm>
#include <fstream>
#include <future>
#include <map>
#include <unordered_map>
#include <utility>
#include <vector>

#include "bot/channels.hpp"
#include "bot/clock.hpp"
#include "bot/csv_reader.hpp"
#include "bot/dossier_validation.hpp"
#include "store/officers.hpp"
#include "store/writer.hpp"

namespace motcua::bot {
namespace {

// Rows per transaction: enough to share one sync, few enough that a server using the same
// file waits only milliseconds for the lock.
constexpr std::size_t batch_rows = 10000;

struct Columns {
    std::size_t code = 0;
    std::vector<std::pair<std::size_t, std::string>> fields;  // column index, field name
    std::size_t count = 0;
};

std::string trimmed(const std::string& s) {
    const auto begin = s.find_first_not_of(" \t");
    if (begin == std::string::npos) return "";
    return s.substr(begin, s.find_last_not_of(" \t") - begin + 1);
}

std::string column_names() {
    std::string list = "code";
    for (const auto& name : dossier_field_names()) list += ", " + name;
    return list;
}

// The header's columns, or why the header is unusable.
std::variant<Columns, std::string> read_header(const CsvRecord& header) {
    if (!header.error.empty()) return "line " + std::to_string(header.line) + ": " + header.error;
    Columns columns;
    columns.count = header.fields.size();
    std::map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        const std::string name = trimmed(header.fields[i]);
        const auto& known = dossier_field_names();
        if (name != "code" && std::find(known.begin(), known.end(), name) == known.end())
            return "header: unknown column '" + name + "' (columns: " + column_names() + ")";
        if (!seen.emplace(name, i).second) return "header: column '" + name + "' appears twice";
        if (name == "code") columns.code = i;
        else columns.fields.emplace_back(i, name);
    }
    if (!seen.count("code")) return "header: no 'code' column";
    for (const auto& name : dossier_field_names())
        if (is_required_dossier_field(name) && !seen.count(name)) return "header: no '" + name + "' column";
    return columns;
}

using Rejections = std::vector<std::pair<std::size_t, std::string>>;

struct Row {
    std::size_t line;
    store::Dossier dossier;  // validated but for its officer
};

// What one batch's transaction did, once it committed.
struct BatchOutcome {
    ImportCounts counts;
    Rejections rejections;
};

// Writes batches on the store's writer thread while the caller reads and validates the next
// one: at most one batch is in flight, so memory stays bounded.
class BatchWriter {
public:
    BatchWriter(store::Database& db, const StatusNotifier& notifier, std::int64_t now_ms)
        : db_(db), notifier_(notifier), now_ms_(now_ms) {}
    ~BatchWriter() {
        if (in_flight_.valid()) in_flight_.wait();
    }

    void submit(std::vector<Row> rows, ImportCounts& counts, Rejections& rejections) {
        finish(counts, rejections);
        auto outcome = std::make_shared<BatchOutcome>();
        auto committed = std::make_shared<std::promise<std::string>>();
        in_flight_ = committed->get_future();
        db_.writer().submit(
            [this, rows = std::move(rows), outcome](store::Transaction& tx) { write(tx, rows, *outcome); },
            [committed](bool ok, const std::string& error) { committed->set_value(ok ? "" : error); });
        outcome_ = std::move(outcome);
    }

    // Waits for the batch in flight and adds what it did; throws StoreError when it failed.
    void finish(ImportCounts& counts, Rejections& rejections) {
        if (!in_flight_.valid()) return;
        if (const auto error = in_flight_.get(); !error.empty()) throw store::StoreError(error);
        counts.inserted += outcome_->counts.inserted;
        counts.updated += outcome_->counts.updated;
        counts.unchanged += outcome_->counts.unchanged;
        counts.rejected += outcome_->rejections.size();
        rejections.insert(rejections.end(), outcome_->rejections.begin(), outcome_->rejections.end());
    }

private:
    void write(store::Transaction& tx, const std::vector<Row>& rows, BatchOutcome& outcome) const {
        store::DossierUpserter upserter(tx);
        std::unordered_map<std::string, bool> officers;
        const auto officer_exists = [&](const std::string& id) {
            auto [it, added] = officers.try_emplace(id, false);
            if (added) it->second = store::find_officer(tx, id).has_value();
            return it->second;
        };
        for (const auto& row : rows) {
            if (auto problem = check_dossier_officer(row.dossier, officer_exists)) {
                outcome.rejections.emplace_back(row.line, problem->text());
                continue;
            }
            switch (notifier_.save(tx, upserter, row.dossier, now_ms_).kind) {
                case store::DossierWrite::Kind::inserted: ++outcome.counts.inserted; break;
                case store::DossierWrite::Kind::updated: ++outcome.counts.updated; break;
                case store::DossierWrite::Kind::unchanged: ++outcome.counts.unchanged; break;
            }
        }
    }

    store::Database& db_;
    const StatusNotifier& notifier_;
    std::int64_t now_ms_;
    std::future<std::string> in_flight_;
    std::shared_ptr<BatchOutcome> outcome_;
};

}  // namespace

ImportReport import_dossiers(std::istream& csv, store::Database& db, const References& refs,
                             const StatusNotifier& notifier, std::int64_t now_ms, std::ostream& rejections) {
    ImportReport result;
    CsvReader reader(csv);
    const auto header = reader.next();
    if (!header) return {{}, "the file is empty: the first line must name the columns"};
    auto parsed = read_header(*header);
    if (auto* error = std::get_if<std::string>(&parsed)) return {{}, *error};
    const auto& columns = std::get<Columns>(parsed);

    Rejections refused;
    auto refuse = [&](std::size_t line, std::string message) {
        refused.emplace_back(line, std::move(message));
        ++result.counts.rejected;
    };
    BatchWriter writer(db, notifier, now_ms);
    std::vector<Row> rows;
    try {
        while (auto record = reader.next()) {
            if (!record->error.empty()) {
                refuse(record->line, record->error);
                continue;
            }
            if (record->fields.size() != columns.count) {
                refuse(record->line, "has " + std::to_string(record->fields.size()) + " fields where the header has " +
                                         std::to_string(columns.count));
                continue;
            }
            DossierFields fields;
            for (const auto& [index, name] : columns.fields) fields.emplace(name, std::move(record->fields[index]));
            auto valid = validate_dossier(record->fields[columns.code], std::move(fields), refs);
            if (auto* problem = std::get_if<FieldProblem>(&valid)) {
                refuse(record->line, problem->text());
                continue;
            }
            rows.push_back({record->line, std::get<store::Dossier>(std::move(valid))});
            if (rows.size() == batch_rows) writer.submit(std::exchange(rows, {}), result.counts, refused);
        }
        if (!rows.empty()) writer.submit(std::move(rows), result.counts, refused);
        writer.finish(result.counts, refused);
    } catch (const store::StoreError& e) {
        result.error = std::string("the store failed; rows from the failed batch on were not written: ") + e.what();
    }
    std::sort(refused.begin(), refused.end());
    for (const auto& [line, message] : refused) rejections << "line " << line << ": " << message << "\n";
    return result;
}

int import_dossiers_command(const Config& config, std::shared_ptr<const dialogs::Content> content,
                            const std::string& file, std::ostream& out, std::ostream& err) {
    std::ifstream csv(file, std::ios::binary);
    if (!csv) {
        err << "motcua import: cannot read " << file << "\n";
        return 1;
    }
    std::unique_ptr<store::Database> db;
    try {
        db = store::Database::open(config.database_path);
    } catch (const std::exception& e) {
        err << "motcua import: cannot open the store " << config.database_path << ": " << e.what() << "\n";
        return 1;
    }
    const dialogs::Engine dialogs(content);
    const StatusNotifier notifier(dialogs, make_media(config));
    const auto report = import_dossiers(csv, *db, references(config, content), notifier, system_clock_ms(), err);
    db->writer().stop();
    if (!report.error.empty()) err << file << ": " << report.error << "\n";
    const auto& c = report.counts;
    out << "inserted " << c.inserted << ", updated " << c.updated << ", unchanged " << c.unchanged << ", rejected "
        << c.rejected << "\n";
    return report.error.empty() && c.rejected == 0 ? 0 : 1;
}

}  // namespace motcua::bot
