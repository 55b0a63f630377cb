#include "store/schema.hpp"

#include <array>

namespace motcua::store {
namespace {

// Times are milliseconds since the epoch, given by the callers. Channels are "sms" or "zalo".
constexpr std::array steps{
    Migration{1, "message log and inbound dedup", R"sql(
CREATE TABLE message_log (
    id        INTEGER PRIMARY KEY,
    direction TEXT    NOT NULL CHECK (direction IN ('in', 'out')),
    channel   TEXT    NOT NULL,
    contact   TEXT    NOT NULL,
    text      TEXT    NOT NULL,
    at        INTEGER NOT NULL
);
CREATE INDEX message_log_by_at ON message_log (at);
CREATE INDEX message_log_by_contact ON message_log (channel, contact, at);

CREATE TABLE inbound (
    id             INTEGER PRIMARY KEY,
    channel        TEXT    NOT NULL,
    external_id    TEXT    NOT NULL,
    contact        TEXT    NOT NULL,
    kind           TEXT    NOT NULL,
    gateway_at     INTEGER,
    received_at    INTEGER NOT NULL,
    message_log_id INTEGER NOT NULL REFERENCES message_log (id),
    UNIQUE (channel, external_id)
);
CREATE INDEX inbound_by_log ON inbound (message_log_id);
)sql"},
    Migration{2, "conversations and contacts", R"sql(
CREATE TABLE conversations (
    channel    TEXT    NOT NULL,
    contact    TEXT    NOT NULL,
    state      TEXT    NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (channel, contact)
) WITHOUT ROWID;

CREATE TABLE contacts (
    channel    TEXT    NOT NULL,
    contact    TEXT    NOT NULL,
    phone      TEXT    NOT NULL,
    name       TEXT    NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (channel, contact)
) WITHOUT ROWID;
)sql"},
    Migration{3, "outbox", R"sql(
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    channel         TEXT    NOT NULL,
    contact         TEXT    NOT NULL,
    text            TEXT    NOT NULL,
    choices         TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(choices)),
    state           TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'dead')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    gateway_id      TEXT,
    last_error      TEXT,
    sent_at         INTEGER,
    dead_at         INTEGER
);
-- The dispatcher's question: each contact's oldest pending item.
CREATE INDEX outbox_by_contact ON outbox (state, channel, contact, id);
-- The dispatcher's sleep: when the next pending item is due.
CREATE INDEX outbox_by_due ON outbox (state, next_attempt_at);
)sql"},
    Migration{4, "settings", R"sql(
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
)sql"},
};

}  // namespace

std::span<const Migration> schema_steps() { return steps; }

}  // namespace motcua::store
