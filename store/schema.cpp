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
    Migration{5, "officers, dossiers, followers and dossier lookups", R"sql(
CREATE TABLE officers (
    id         TEXT    PRIMARY KEY,
    name       TEXT    NOT NULL,
    title      TEXT    NOT NULL,
    phone      TEXT    NOT NULL,
    unit       TEXT    NOT NULL,
    fields     TEXT    NOT NULL CHECK (json_valid(fields)),
    backup     TEXT    NOT NULL DEFAULT '',
    active     INTEGER NOT NULL DEFAULT 1,
    updated_at INTEGER NOT NULL
) WITHOUT ROWID;

-- Keyed by the canonical code, so a citizen's lookup is one B-tree search whatever the size.
-- Dates are the local calendar dates of the receipt slip, 'YYYY-MM-DD'.
CREATE TABLE dossiers (
    code            TEXT    PRIMARY KEY,
    procedure       TEXT    NOT NULL,
    unit            TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    received_at     TEXT    NOT NULL,
    due_at          TEXT    NOT NULL,
    officer         TEXT    NOT NULL DEFAULT '',
    applicant_phone TEXT    NOT NULL DEFAULT '',
    note            TEXT    NOT NULL DEFAULT '',
    updated_at      INTEGER NOT NULL
) WITHOUT ROWID;

-- following = 0 records an opt-out, so the applicant's phone is not followed again unasked.
CREATE TABLE dossier_followers (
    code      TEXT    NOT NULL,
    channel   TEXT    NOT NULL,
    contact   TEXT    NOT NULL,
    following INTEGER NOT NULL,
    since     INTEGER NOT NULL,
    PRIMARY KEY (code, channel, contact)
) WITHOUT ROWID;
CREATE INDEX dossier_followers_by_contact ON dossier_followers (channel, contact);

-- Every status question with a code, found or not, for the statistics of SPEC 4.5.
CREATE TABLE dossier_lookups (
    id      INTEGER PRIMARY KEY,
    code    TEXT    NOT NULL,
    found   INTEGER NOT NULL,
    channel TEXT    NOT NULL,
    at      INTEGER NOT NULL
);
CREATE INDEX dossier_lookups_by_at ON dossier_lookups (at);
)sql"},
    Migration{6, "escalations, their history and follow-ups, timers, intents of inbound turns", R"sql(
-- B5-B7. handoff = 1 while the citizen's messages go to the officer instead of the dialogs.
CREATE TABLE escalations (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    state            TEXT    NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'answered', 'closed')),
    officer          TEXT    NOT NULL,
    unit             TEXT    NOT NULL,
    procedure        TEXT    NOT NULL DEFAULT '',
    field            TEXT    NOT NULL DEFAULT '',
    channel          TEXT    NOT NULL,
    contact          TEXT    NOT NULL,
    question         TEXT    NOT NULL,
    handoff          INTEGER NOT NULL DEFAULT 1,
    created_at       INTEGER NOT NULL,
    answered_at      INTEGER,
    closed_at        INTEGER,
    last_activity_at INTEGER NOT NULL
);
CREATE INDEX escalations_by_contact ON escalations (channel, contact, state);
CREATE INDEX escalations_by_officer ON escalations (officer, state);
CREATE INDEX escalations_by_state ON escalations (state, id);
CREATE INDEX escalations_by_created ON escalations (created_at);

CREATE TABLE escalation_events (
    id         INTEGER PRIMARY KEY,
    escalation INTEGER NOT NULL REFERENCES escalations (id),
    event      TEXT    NOT NULL,
    detail     TEXT    NOT NULL,
    at         INTEGER NOT NULL
);
CREATE INDEX escalation_events_by_escalation ON escalation_events (escalation, id);

-- The citizen's messages during a handoff, waiting to be forwarded to the officer in one SMS.
CREATE TABLE escalation_followups (
    id           INTEGER PRIMARY KEY,
    escalation   INTEGER NOT NULL REFERENCES escalations (id),
    text         TEXT    NOT NULL,
    at           INTEGER NOT NULL,
    forwarded_at INTEGER
);
CREATE INDEX escalation_followups_waiting ON escalation_followups (escalation, forwarded_at);

-- Durable timers: each fires once (pending -> fired in the transaction that acts on it).
CREATE TABLE timers (
    id       INTEGER PRIMARY KEY,
    kind     TEXT    NOT NULL,
    subject  INTEGER NOT NULL,
    due_at   INTEGER NOT NULL,
    state    TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'fired')),
    detail   TEXT    NOT NULL DEFAULT '',
    fired_at INTEGER
);
CREATE INDEX timers_by_due ON timers (state, due_at);
CREATE INDEX timers_by_subject ON timers (kind, subject, state);

-- What each dialog turn was about, for the statistics of SPEC 4.5; NULL for messages that
-- did not reach the dialogs (duplicates stop earlier, officers and handoffs go elsewhere).
ALTER TABLE inbound ADD COLUMN intent TEXT;
ALTER TABLE inbound ADD COLUMN procedure TEXT;
ALTER TABLE inbound ADD COLUMN unit TEXT;
CREATE INDEX inbound_by_received ON inbound (received_at);
)sql"},
    Migration{7, "outbox queues", R"sql(
-- 1 for a pending item behind an older pending item of its contact: only each contact's head
-- is in the due index, so the dispatcher's poll does not walk the queues behind them.
ALTER TABLE outbox ADD COLUMN waiting INTEGER NOT NULL DEFAULT 0 CHECK (waiting IN (0, 1));
UPDATE outbox SET waiting = 1
 WHERE state = 'pending'
   AND id <> (SELECT min(p.id) FROM outbox AS p
               WHERE p.state = 'pending' AND p.channel = outbox.channel AND p.contact = outbox.contact);
DROP INDEX outbox_by_due;
CREATE INDEX outbox_by_due ON outbox (state, waiting, next_attempt_at);
)sql"},
    Migration{8, "indexes of what is pending or still open", R"sql(
-- Sent and dead items stay as history, but the dispatcher only ever looks for pending ones:
-- indexes holding just those stay a few pages whatever the history's size, so a reply's
-- insert and its "sent" do not each rewrite a page somewhere in an index of every reply ever.
DROP INDEX outbox_by_contact;
DROP INDEX outbox_by_due;
CREATE INDEX outbox_pending_by_contact ON outbox (channel, contact, id) WHERE state = 'pending';
CREATE INDEX outbox_heads_by_due ON outbox (next_attempt_at) WHERE state = 'pending' AND waiting = 0;
CREATE INDEX outbox_dead ON outbox (dead_at) WHERE state = 'dead';
-- The hourly count of SPEC B8 counts only what a sender sent.
DROP INDEX message_log_by_contact;
CREATE INDEX message_log_in_by_contact ON message_log (channel, contact, at) WHERE direction = 'in';
-- Every citizen's message asks for the contact's newest escalation not closed, and an officer's
-- for theirs: in id order among the live ones only, the answer needs no sort.
DROP INDEX escalations_by_contact;
DROP INDEX escalations_by_officer;
CREATE INDEX escalations_live_by_contact ON escalations (channel, contact, id) WHERE state <> 'closed';
CREATE INDEX escalations_live_by_officer ON escalations (officer, id) WHERE state <> 'closed';
)sql"},
    Migration{9, "each contact's latest arrival times beside its conversation", R"sql(
-- SPEC B8's hourly count reads the times of a sender's latest messages from their conversation
-- row, which each turn rewrites anyway, instead of an index of the message log by contact that
-- cost every message one more page at a random place. The last hour's messages carry over, so
-- that an upgrade does not reset anybody's allowance; newer times are added as messages come.
ALTER TABLE conversations ADD COLUMN arrivals TEXT NOT NULL DEFAULT '';
INSERT INTO conversations (channel, contact, state, updated_at, arrivals)
SELECT channel, contact, '', max(at), group_concat(at, ' ')
  FROM message_log
 WHERE direction = 'in' AND at >= CAST(strftime('%s', 'now') AS INTEGER) * 1000 - 3600000
 GROUP BY channel, contact
    ON CONFLICT (channel, contact) DO UPDATE SET arrivals = excluded.arrivals;
DROP INDEX message_log_in_by_contact;
)sql"},
};

}  // namespace

std::span<const Migration> schema_steps() { return steps; }

}  // namespace motcua::store
