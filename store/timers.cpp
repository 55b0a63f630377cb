#include "store/timers.hpp"

#include "store/statement.hpp"

namespace motcua::store {

std::int64_t schedule_timer(Transaction& tx, const std::string& kind, std::int64_t subject, std::int64_t due_at_ms,
                            const std::string& detail) {
    return tx.prepare("INSERT INTO timers (kind, subject, due_at, detail) VALUES (?1, ?2, ?3, ?4)")
        .bind(1, kind)
        .bind(2, subject)
        .bind(3, due_at_ms)
        .bind(4, detail)
        .insert();
}

bool has_pending_timer(Session& s, const std::string& kind, std::int64_t subject) {
    return s.prepare("SELECT 1 FROM timers WHERE kind = ?1 AND subject = ?2 AND state = 'pending' LIMIT 1")
        .bind(1, kind)
        .bind(2, subject)
        .first_text()
        .has_value();
}

std::vector<std::string> timer_details(Session& s, const std::string& kind, std::int64_t subject) {
    auto& query = s.prepare("SELECT DISTINCT detail FROM timers WHERE kind = ?1 AND subject = ?2 ORDER BY detail");
    query.bind(1, kind).bind(2, subject);
    std::vector<std::string> details;
    while (query.step()) details.push_back(query.column_text(0));
    return details;
}

std::optional<std::int64_t> next_timer_due_at(Session& s) {
    auto& query = s.prepare("SELECT min(due_at) FROM timers WHERE state = 'pending'");
    if (!query.step() || query.column_is_null(0)) {
        query.reset();
        return std::nullopt;
    }
    const auto due = query.column_int64(0);
    query.reset();
    return due;
}

std::vector<Timer> due_timers(Session& s, std::int64_t now_ms, std::size_t limit) {
    auto& query = s.prepare("SELECT id, kind, subject, due_at, detail FROM timers"
                            " WHERE state = 'pending' AND due_at <= ?1 ORDER BY due_at, id LIMIT ?2");
    query.bind(1, now_ms).bind(2, static_cast<std::int64_t>(limit));
    std::vector<Timer> timers;
    while (query.step())
        timers.push_back({query.column_int64(0), query.column_text(1), query.column_int64(2), query.column_int64(3),
                          query.column_text(4)});
    return timers;
}

bool claim_timer(Transaction& tx, std::int64_t id, std::int64_t now_ms) {
    return tx.prepare("UPDATE timers SET state = 'fired', fired_at = ?2 WHERE id = ?1 AND state = 'pending'")
               .bind(1, id)
               .bind(2, now_ms)
               .update() == 1;
}

}  // namespace motcua::store
