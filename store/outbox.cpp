#include "store/outbox.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <utility>

#include "store/channel_column.hpp"
#include "store/message_log.hpp"
#include "store/statement.hpp"

// The columns read_item expects, first in every SELECT of an item.
#define MOTCUA_OUTBOX_ITEM_COLUMNS \
    "o.id, o.channel, o.contact, o.text, o.choices, o.attempts, o.created_at, o.next_attempt_at"

namespace motcua::store {
namespace {

std::string choices_json(const std::vector<Choice>& choices) {
    auto list = nlohmann::json::array();
    for (const auto& c : choices) list.push_back({{"title", c.title}, {"payload", c.payload}});
    return list.dump();
}

std::vector<Choice> parse_choices(std::int64_t id, const std::string& text) {
    try {
        std::vector<Choice> choices;
        for (const auto& c : nlohmann::json::parse(text))
            choices.push_back({c.at("title").get<std::string>(), c.at("payload").get<std::string>()});
        return choices;
    } catch (const nlohmann::json::exception& e) {
        throw StoreError("outbox item " + std::to_string(id) + " has unreadable choices: " + e.what());
    }
}

OutboxItem read_item(const Statement& row) {
    OutboxItem item;
    item.id = row.column_int64(0);
    item.message.channel = channel_column(row, 1);
    item.message.contact = row.column_text(2);
    item.message.text = row.column_text(3);
    item.message.choices = parse_choices(item.id, row.column_text(4));
    item.attempts = static_cast<int>(row.column_int64(5));
    item.created_at_ms = row.column_int64(6);
    item.next_attempt_at_ms = row.column_int64(7);
    return item;
}

OutboxState state_of(std::int64_t id, const std::string& name) {
    if (name == "pending") return OutboxState::pending;
    if (name == "sent") return OutboxState::sent;
    if (name == "dead") return OutboxState::dead;
    throw StoreError("outbox item " + std::to_string(id) + " has an unknown state '" + name + "'");
}

// The queue (channel, contact) of a pending item, or a failure when the item is not there or
// has already left: the caller's picture of the outbox is wrong. Read before the item's UPDATE
// rather than with RETURNING, which makes SQLite build a temporary table for each update.
std::pair<std::string, std::string> pending_queue(Transaction& tx, std::int64_t id, std::string_view what) {
    auto& find = tx.prepare("SELECT channel, contact FROM outbox WHERE id = ?1 AND state = 'pending'");
    if (!find.bind(1, id).step())
        throw StoreError("cannot " + std::string(what) + " outbox item " + std::to_string(id) +
                         ": no such pending item");
    std::pair<std::string, std::string> queue{find.column_text(0), find.column_text(1)};
    find.reset();
    return queue;
}

// Each contact's queue has one head, its oldest pending item; the others wait behind it and
// are left out of the due index, so that the dispatcher's poll never walks past them.
void promote_next(Transaction& tx, const std::pair<std::string, std::string>& queue) {
    tx.prepare("UPDATE outbox SET waiting = 0 WHERE id = (SELECT min(id) FROM outbox"
               " WHERE state = 'pending' AND channel = ?1 AND contact = ?2) AND waiting = 1")
        .bind(1, queue.first)
        .bind(2, queue.second)
        .execute();
}

// After an item joined a queue out of turn (a redirect keeps its original place).
void choose_head(Transaction& tx, const std::pair<std::string, std::string>& queue) {
    const auto head = tx.prepare("SELECT min(id) FROM outbox WHERE state = 'pending' AND channel = ?1 AND contact = ?2")
                          .bind(1, queue.first)
                          .bind(2, queue.second)
                          .single_int64();
    tx.prepare("UPDATE outbox SET waiting = (id <> ?3) WHERE state = 'pending' AND channel = ?1 AND contact = ?2"
               " AND waiting <> (id <> ?3)")
        .bind(1, queue.first)
        .bind(2, queue.second)
        .bind(3, head)
        .execute();
}

}  // namespace

std::int64_t enqueue_outbound(Transaction& tx, const Outbound& message, std::int64_t now_ms) {
    if (message.contact.empty()) throw StoreError("an outbound message without a recipient");
    auto& insert = tx.prepare(
        "INSERT INTO outbox (channel, contact, text, choices, created_at, next_attempt_at, waiting)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?5,"
        "         EXISTS (SELECT 1 FROM outbox WHERE state = 'pending' AND channel = ?1 AND contact = ?2))");
    const auto id = insert.bind(1, channel_name(message.channel))
                        .bind(2, message.contact)
                        .bind(3, message.text)
                        .bind(4, choices_json(message.choices))
                        .bind(5, now_ms)
                        .insert();
    append_message_log(tx, Direction::out, message.channel, message.contact, message.text, now_ms);
    return id;
}

std::vector<OutboxItem> due_outbound(Session& s, std::int64_t now_ms, std::size_t limit, const BusyContacts& busy) {
    if (limit == 0) return {};
    // Walks the heads in outbox_heads_by_due from the one due longest and stops once `limit` are
    // found, so a poll costs the items it hands out plus the busy ones, not the backlog: the
    // dispatcher polls many times a second under load. Whether more of a head's contact is
    // pending behind it is one seek in outbox_pending_by_contact, also for the busy heads skipped:
    // it spares the send a read of the queue afterwards (Dispatcher::follow_on).
    auto& query = s.prepare(
        "SELECT " MOTCUA_OUTBOX_ITEM_COLUMNS ", EXISTS (SELECT 1 FROM outbox AS b WHERE b.state = 'pending'"
        " AND b.channel = o.channel AND b.contact = o.contact AND b.id > o.id)"
        " FROM outbox AS o WHERE o.state = 'pending' AND o.waiting = 0 AND o.next_attempt_at <= ?1"
        " ORDER BY o.next_attempt_at, o.id");
    query.bind(1, now_ms);
    std::vector<OutboxItem> due;
    while (due.size() < limit && query.step()) {
        if (busy.count({channel_column(query, 1), query.column_text(2)})) continue;
        due.push_back(read_item(query));
        due.back().others_behind = query.column_int64(8) != 0;
    }
    query.reset();
    std::sort(due.begin(), due.end(), [](const OutboxItem& a, const OutboxItem& b) { return a.id < b.id; });
    return due;
}

std::optional<OutboxItem> next_in_queue(Session& s, Channel channel, const std::string& contact,
                                        const std::set<std::int64_t>& sent) {
    auto& query = s.prepare("SELECT " MOTCUA_OUTBOX_ITEM_COLUMNS " FROM outbox AS o"
                            " WHERE o.state = 'pending' AND o.channel = ?1 AND o.contact = ?2 ORDER BY o.id");
    query.bind(1, channel_name(channel)).bind(2, contact);
    std::optional<OutboxItem> next;
    while (!next && query.step())
        if (!sent.count(query.column_int64(0))) next = read_item(query);
    if (next) next->others_behind = query.step();
    query.reset();
    return next;
}

std::optional<std::int64_t> next_outbound_due_at(Session& s, std::int64_t now_ms) {
    // One seek in outbox_heads_by_due, among the heads: the others fall due when they become heads.
    auto& query = s.prepare(
        "SELECT min(next_attempt_at) FROM outbox WHERE state = 'pending' AND waiting = 0 AND next_attempt_at > ?1");
    query.bind(1, now_ms);
    query.step();
    std::optional<std::int64_t> due;
    if (!query.column_is_null(0)) due = query.column_int64(0);
    query.reset();
    return due;
}

void mark_sent(Transaction& tx, std::int64_t id, const std::string& gateway_id, std::int64_t now_ms) {
    const auto queue = pending_queue(tx, id, "mark sent");
    tx.prepare("UPDATE outbox SET state = 'sent', gateway_id = ?2, sent_at = ?3, attempts = attempts + 1 WHERE id = ?1")
        .bind(1, id)
        .bind(2, gateway_id)
        .bind(3, now_ms)
        .execute();
    promote_next(tx, queue);
}

void schedule_retry(Transaction& tx, std::int64_t id, std::int64_t next_attempt_at_ms,
                    const std::string& error) {
    pending_queue(tx, id, "retry");
    tx.prepare("UPDATE outbox SET next_attempt_at = ?2, last_error = ?3, attempts = attempts + 1 WHERE id = ?1")
        .bind(1, id)
        .bind(2, next_attempt_at_ms)
        .bind(3, error)
        .execute();
}

void mark_dead(Transaction& tx, std::int64_t id, const std::string& reason, std::int64_t now_ms) {
    const auto queue = pending_queue(tx, id, "mark dead");
    tx.prepare("UPDATE outbox SET state = 'dead', last_error = ?2, dead_at = ?3, attempts = attempts + 1 WHERE id = ?1")
        .bind(1, id)
        .bind(2, reason)
        .bind(3, now_ms)
        .execute();
    promote_next(tx, queue);
}

void redirect_outbound(Transaction& tx, std::int64_t id, Channel channel, const std::string& contact,
                       std::int64_t now_ms) {
    if (contact.empty()) throw StoreError("cannot redirect outbox item " + std::to_string(id) + " to no recipient");
    const auto left = pending_queue(tx, id, "redirect");
    tx.prepare("UPDATE outbox SET channel = ?2, contact = ?3, next_attempt_at = ?4 WHERE id = ?1")
        .bind(1, id)
        .bind(2, channel_name(channel))
        .bind(3, contact)
        .bind(4, now_ms)
        .execute();
    promote_next(tx, left);
    choose_head(tx, {std::string(channel_name(channel)), contact});
}

std::optional<OutboxRow> find_outbound(Session& s, std::int64_t id) {
    auto& query = s.prepare("SELECT " MOTCUA_OUTBOX_ITEM_COLUMNS
                            ", o.state, o.gateway_id, o.last_error FROM outbox AS o WHERE o.id = ?1");
    if (!query.bind(1, id).step()) return std::nullopt;
    OutboxRow row{read_item(query), state_of(id, query.column_text(8)), query.column_text(9),
                  query.column_text(10)};
    query.reset();
    return row;
}

std::int64_t count_outbound(Session& s, OutboxState state) {
    // Each state spelled out, not bound: pending and dead are counted in their own small
    // indexes (the metrics ask often), sent only by a walk of the history.
    switch (state) {
        case OutboxState::pending: return s.prepare("SELECT count(*) FROM outbox WHERE state = 'pending'").single_int64();
        case OutboxState::sent: return s.prepare("SELECT count(*) FROM outbox WHERE state = 'sent'").single_int64();
        case OutboxState::dead: return s.prepare("SELECT count(*) FROM outbox WHERE state = 'dead'").single_int64();
    }
    throw StoreError("unknown outbox state");
}

}  // namespace motcua::store
