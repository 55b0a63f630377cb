#include "store/stats.hpp"

#include <algorithm>

#include "store/statement.hpp"

namespace motcua::store {
namespace {

// Rows of (key, count) into a map.
void count_into(Statement& query, std::map<std::string, std::int64_t>& counts) {
    while (query.step()) counts[query.column_text(0)] = query.column_int64(1);
}

// Escalations created in the period, grouped by one column (officer or unit).
std::map<std::string, EscalationFigures> escalation_figures(Session& s, const char* sql, std::int64_t from_ms,
                                                            std::int64_t to_ms) {
    auto& query = s.prepare(sql);
    query.bind(1, from_ms).bind(2, to_ms);
    std::map<std::string, EscalationFigures> figures;
    std::map<std::string, std::vector<double>> answer_times;
    while (query.step()) {
        auto& f = figures[query.column_text(0)];
        ++f.escalations;
        if (query.column_is_null(2)) {
            ++f.unanswered;
            continue;
        }
        ++f.answered;
        answer_times[query.column_text(0)].push_back(
            static_cast<double>(query.column_int64(2) - query.column_int64(1)) / 1000.0);
    }
    for (auto& [key, times] : answer_times) figures[key].median_answer_s = median(std::move(times));
    return figures;
}

}  // namespace

std::optional<double> median(std::vector<double> values) {
    if (values.empty()) return std::nullopt;
    std::sort(values.begin(), values.end());
    const std::size_t middle = values.size() / 2;
    if (values.size() % 2 == 1) return values[middle];
    return (values[middle - 1] + values[middle]) / 2.0;
}

Stats read_stats(Session& s, std::int64_t from_ms, std::int64_t to_ms) {
    Stats stats;
    auto& messages = s.prepare("SELECT direction, channel, count(*) FROM message_log"
                               " WHERE at >= ?1 AND at < ?2 GROUP BY direction, channel");
    messages.bind(1, from_ms).bind(2, to_ms);
    while (messages.step())
        (messages.column_text(0) == "in" ? stats.messages_in : stats.messages_out)[messages.column_text(1)] =
            messages.column_int64(2);

    stats.conversations = s.prepare("SELECT count(*) FROM (SELECT DISTINCT channel, contact FROM inbound"
                                    " WHERE received_at >= ?1 AND received_at < ?2)")
                              .bind(1, from_ms)
                              .bind(2, to_ms)
                              .single_int64();

    count_into(s.prepare("SELECT intent, count(*) FROM inbound WHERE received_at >= ?1 AND received_at < ?2"
                         " AND intent IS NOT NULL GROUP BY intent")
                   .bind(1, from_ms)
                   .bind(2, to_ms),
               stats.intents);

    stats.escalations_by_officer = escalation_figures(
        s, "SELECT officer, created_at, answered_at FROM escalations WHERE created_at >= ?1 AND created_at < ?2",
        from_ms, to_ms);
    stats.escalations_by_unit = escalation_figures(
        s, "SELECT unit, created_at, answered_at FROM escalations WHERE created_at >= ?1 AND created_at < ?2",
        from_ms, to_ms);

    auto& lookups = s.prepare("SELECT count(*), coalesce(sum(found), 0) FROM dossier_lookups WHERE at >= ?1 AND at < ?2");
    lookups.bind(1, from_ms).bind(2, to_ms);
    if (lookups.step()) {
        stats.dossier_lookups = lookups.column_int64(0);
        stats.dossier_lookups_found = lookups.column_int64(1);
        lookups.reset();
    }

    auto& procedures = s.prepare("SELECT coalesce(unit, ''), procedure, count(*) FROM inbound"
                                 " WHERE received_at >= ?1 AND received_at < ?2 AND procedure IS NOT NULL"
                                 " GROUP BY unit, procedure");
    procedures.bind(1, from_ms).bind(2, to_ms);
    while (procedures.step())
        stats.procedures_by_unit[procedures.column_text(0)][procedures.column_text(1)] = procedures.column_int64(2);
    return stats;
}

}  // namespace motcua::store
