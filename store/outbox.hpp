#pragma once
// Every reply is appended here in the same transaction as the message that caused it, and
// leaves only when the gateway accepted it (sent) or it is given up (dead, with the reason).
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "adapters/message.hpp"
#include "store/session.hpp"

namespace motcua::store {

struct OutboxItem {
    std::int64_t id = 0;
    Outbound message;
    int attempts = 0;                  // tries made so far
    std::int64_t created_at_ms = 0;
    std::int64_t next_attempt_at_ms = 0;
    // A newer pending item of the same contact was there when this one was read.
    bool others_behind = false;
};

enum class OutboxState { pending, sent, dead };

// Contacts with messages on their way, and those messages' ids: until their outcomes are stored,
// the contact's queue is the sender's, not the due list's.
using BusyContacts = std::map<std::pair<Channel, std::string>, std::set<std::int64_t>>;

// Due at once; also appended to the message log. Returns the item's id, increasing with time.
std::int64_t enqueue_outbound(Transaction& tx, const Outbound& message, std::int64_t now_ms);

// Pending items whose time has come, at most one per (channel, contact): a contact's next
// message waits until the previous one left, so each contact gets them in order. Those due the
// longest are chosen first and handed out oldest first. Contacts in `busy` are skipped.
std::vector<OutboxItem> due_outbound(Session& s, std::int64_t now_ms, std::size_t limit, const BusyContacts& busy);

// The oldest pending item of one contact's queue that is not among `sent` (items the gateway
// has accepted but whose record is not stored yet), whether due or not.
std::optional<OutboxItem> next_in_queue(Session& s, Channel channel, const std::string& contact,
                                        const std::set<std::int64_t>& sent);

// When the earliest pending item not yet due at now_ms becomes due, if any.
std::optional<std::int64_t> next_outbound_due_at(Session& s, std::int64_t now_ms);

void mark_sent(Transaction& tx, std::int64_t id, const std::string& gateway_id, std::int64_t now_ms);
void schedule_retry(Transaction& tx, std::int64_t id, std::int64_t next_attempt_at_ms,
                    const std::string& error);
void mark_dead(Transaction& tx, std::int64_t id, const std::string& reason, std::int64_t now_ms);
// Moves an item to another channel/contact (Zalo -230 falling back to SMS) and makes it due now.
// It keeps its id, so it goes before the newer items of its new contact; attempts are kept.
void redirect_outbound(Transaction& tx, std::int64_t id, Channel channel, const std::string& contact,
                       std::int64_t now_ms);

struct OutboxRow {
    OutboxItem item;
    OutboxState state = OutboxState::pending;
    std::string gateway_id;
    std::string last_error;
};
std::optional<OutboxRow> find_outbound(Session& s, std::int64_t id);
std::int64_t count_outbound(Session& s, OutboxState state);

}  // namespace motcua::store
