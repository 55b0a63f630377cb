#pragma once
// Durable timers (B7 and the handoff's end): what must happen at a time, kept in the store so a
// restart, even kill -9, neither loses nor repeats one. A timer fires once: claiming it and
// acting on it happen in one transaction.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/session.hpp"

namespace motcua::store {

struct Timer {
    std::int64_t id = 0;
    std::string kind;          // what to do: the bot's vocabulary ("escalation_ack", ...)
    std::int64_t subject = 0;  // what it is about (an escalation id)
    std::int64_t due_at_ms = 0;
    std::string detail;        // what the subject looked like when it was set (an officer id)
};

std::int64_t schedule_timer(Transaction& tx, const std::string& kind, std::int64_t subject, std::int64_t due_at_ms,
                            const std::string& detail);
bool has_pending_timer(Session& s, const std::string& kind, std::int64_t subject);
// The details of every timer of this kind set for the subject, fired or not, without repeats.
std::vector<std::string> timer_details(Session& s, const std::string& kind, std::int64_t subject);
// The earliest pending timer's due time, if any.
std::optional<std::int64_t> next_timer_due_at(Session& s);
// Pending timers due at now_ms, earliest first.
std::vector<Timer> due_timers(Session& s, std::int64_t now_ms, std::size_t limit);
// Marks a pending timer fired; false when it was not pending (already fired elsewhere), and
// then the caller must not act on it.
bool claim_timer(Transaction& tx, std::int64_t id, std::int64_t now_ms);

}  // namespace motcua::store
