#include "store/escalations.hpp"

#include <algorithm>

#include "store/channel_column.hpp"
#include "store/rows.hpp"
#include "store/statement.hpp"

#define MOTCUA_ESCALATION_COLUMNS                                                                  \
    "id, state, officer, unit, procedure, field, channel, contact, question, handoff, created_at," \
    " answered_at, closed_at, last_activity_at"

namespace motcua::store {
namespace {

constexpr std::pair<EscalationState, std::string_view> kStateNames[] = {
    {EscalationState::open, "open"}, {EscalationState::answered, "answered"}, {EscalationState::closed, "closed"}};

std::optional<std::int64_t> optional_time(const Statement& row, int column) {
    if (row.column_is_null(column)) return std::nullopt;
    return row.column_int64(column);
}

Escalation read_escalation(const Statement& row) {
    const auto state = parse_escalation_state(row.column_text(1));
    if (!state) throw StoreError("escalation " + std::to_string(row.column_int64(0)) + " has an unknown state");
    return Escalation{row.column_int64(0),    *state,
                      row.column_text(2),     row.column_text(3),
                      row.column_text(4),     row.column_text(5),
                      channel_column(row, 6), row.column_text(7),
                      row.column_text(8),     row.column_int64(9) != 0,
                      row.column_int64(10),   optional_time(row, 11),
                      optional_time(row, 12), row.column_int64(13)};
}

std::vector<Escalation> read_all(Statement& query) { return read_rows(query, read_escalation); }

std::optional<Escalation> read_first(Statement& query) { return read_first_row(query, read_escalation); }

}  // namespace

std::string_view escalation_state_name(EscalationState state) {
    for (const auto& [value, name] : kStateNames)
        if (value == state) return name;
    throw StoreError("unknown escalation state");
}

std::optional<EscalationState> parse_escalation_state(std::string_view name) {
    for (const auto& [value, known] : kStateNames)
        if (known == name) return value;
    return std::nullopt;
}

std::int64_t open_escalation(Transaction& tx, const Escalation& e, std::int64_t now_ms) {
    const auto id = tx.prepare(
                          "INSERT INTO escalations (state, officer, unit, procedure, field, channel, contact,"
                          " question, handoff, created_at, last_activity_at)"
                          " VALUES ('open', ?1, ?2, ?3, ?4, ?5, ?6, ?7, 1, ?8, ?8)")
                        .bind(1, e.officer)
                        .bind(2, e.unit)
                        .bind(3, e.procedure)
                        .bind(4, e.field)
                        .bind(5, channel_name(e.channel))
                        .bind(6, e.contact)
                        .bind(7, e.question)
                        .bind(8, now_ms)
                        .insert();
    record_escalation_event(tx, id, "created", "officer " + e.officer, now_ms);
    return id;
}

std::optional<Escalation> find_escalation(Session& s, std::int64_t id) {
    return read_first(s.prepare("SELECT " MOTCUA_ESCALATION_COLUMNS " FROM escalations WHERE id = ?1").bind(1, id));
}

std::optional<Escalation> current_escalation(Session& s, Channel channel, const std::string& contact) {
    return read_first(s.prepare("SELECT " MOTCUA_ESCALATION_COLUMNS " FROM escalations"
                                " WHERE channel = ?1 AND contact = ?2 AND state <> 'closed' ORDER BY id DESC LIMIT 1")
                          .bind(1, channel_name(channel))
                          .bind(2, contact));
}

std::vector<Escalation> list_escalations(Session& s, std::optional<EscalationState> state) {
    if (!state) return read_all(s.prepare("SELECT " MOTCUA_ESCALATION_COLUMNS " FROM escalations ORDER BY id"));
    return read_all(s.prepare("SELECT " MOTCUA_ESCALATION_COLUMNS " FROM escalations WHERE state = ?1 ORDER BY id")
                        .bind(1, escalation_state_name(*state)));
}

std::vector<Escalation> live_escalations_of(Session& s, const std::string& officer) {
    return read_all(s.prepare("SELECT " MOTCUA_ESCALATION_COLUMNS " FROM escalations"
                              " WHERE officer = ?1 AND state <> 'closed' ORDER BY id")
                        .bind(1, officer));
}

std::int64_t count_escalations(Session& s, EscalationState state) {
    return s.prepare("SELECT count(*) FROM escalations WHERE state = ?1")
        .bind(1, escalation_state_name(state))
        .single_int64();
}

void record_escalation_event(Transaction& tx, std::int64_t id, std::string_view event, const std::string& detail,
                             std::int64_t now_ms) {
    tx.prepare("INSERT INTO escalation_events (escalation, event, detail, at) VALUES (?1, ?2, ?3, ?4)")
        .bind(1, id)
        .bind(2, event)
        .bind(3, detail)
        .bind(4, now_ms)
        .execute();
}

std::vector<EscalationEvent> escalation_history(Session& s, std::int64_t id) {
    auto& query = s.prepare("SELECT event, detail, at FROM escalation_events WHERE escalation = ?1 ORDER BY id");
    query.bind(1, id);
    std::vector<EscalationEvent> events;
    while (query.step()) events.push_back({query.column_text(0), query.column_text(1), query.column_int64(2)});
    return events;
}

void mark_escalation_answered(Transaction& tx, std::int64_t id, std::int64_t now_ms) {
    tx.prepare("UPDATE escalations SET state = 'answered', answered_at = coalesce(answered_at, ?2),"
               " last_activity_at = ?2 WHERE id = ?1 AND state <> 'closed'")
        .bind(1, id)
        .bind(2, now_ms)
        .execute();
}

void close_escalation(Transaction& tx, std::int64_t id, std::int64_t now_ms) {
    tx.prepare("UPDATE escalations SET state = 'closed', handoff = 0, closed_at = ?2, last_activity_at = ?2"
               " WHERE id = ?1 AND state <> 'closed'")
        .bind(1, id)
        .bind(2, now_ms)
        .execute();
}

void set_escalation_handoff(Transaction& tx, std::int64_t id, bool handoff, std::int64_t now_ms) {
    tx.prepare("UPDATE escalations SET handoff = ?2, last_activity_at = ?3 WHERE id = ?1")
        .bind(1, id)
        .bind(2, handoff ? 1 : 0)
        .bind(3, now_ms)
        .execute();
}

void reassign_escalation(Transaction& tx, std::int64_t id, const std::string& officer, std::int64_t now_ms) {
    tx.prepare("UPDATE escalations SET officer = ?2, last_activity_at = ?3 WHERE id = ?1")
        .bind(1, id)
        .bind(2, officer)
        .bind(3, now_ms)
        .execute();
}

void touch_escalation(Transaction& tx, std::int64_t id, std::int64_t now_ms) {
    tx.prepare("UPDATE escalations SET last_activity_at = ?2 WHERE id = ?1").bind(1, id).bind(2, now_ms).execute();
}

void add_escalation_followup(Transaction& tx, std::int64_t id, const std::string& text, std::int64_t now_ms) {
    tx.prepare("INSERT INTO escalation_followups (escalation, text, at) VALUES (?1, ?2, ?3)")
        .bind(1, id)
        .bind(2, text)
        .bind(3, now_ms)
        .execute();
}

std::vector<std::string> take_escalation_followups(Transaction& tx, std::int64_t id, std::int64_t now_ms) {
    auto& query = tx.prepare("UPDATE escalation_followups SET forwarded_at = ?2"
                             " WHERE escalation = ?1 AND forwarded_at IS NULL RETURNING id, text");
    query.bind(1, id).bind(2, now_ms);
    std::vector<std::pair<std::int64_t, std::string>> taken;
    while (query.step()) taken.emplace_back(query.column_int64(0), query.column_text(1));
    // RETURNING gives no order: the citizen's order is the ids'.
    std::sort(taken.begin(), taken.end());
    std::vector<std::string> texts;
    for (auto& [ignored, text] : taken) texts.push_back(std::move(text));
    return texts;
}

}  // namespace motcua::store
