// The webhook server a team would otherwise write, doing per message the durable work motcua
// does: verify the gateway's signature, then in one transaction record the inbound message
// (unique on its gateway id) and log it, load and save the conversation, append a reply to the
// outbox and log it; answer 200 after the commit; then send the reply to the gateway (Twilio's
// or Zalo's API, over keep-alive connections) and record it sent, as motcua's outbox does.
// WAL with synchronous=FULL, as motcua. Each event is its own transaction: a webhook, and a
// gateway's answer. With --sent-records-together the answers of one turn of the event loop are
// recorded in one transaction instead, as a team minding the fsyncs might write it. Without
// --gateway it is the lighter reference of the runs before 2026-11-28, kept for comparison: no
// message log, and the reply never leaves the outbox.
//
//   node server.js --db FILE [--listen 127.0.0.1:0] [--gateway http://HOST:PORT [--sent-records-together]]
// Secrets and the public URL are those of bench/webhook_requests.py and bench/run-webhooks.
'use strict';
const crypto = require('crypto');
const http = require('http');
const express = require('express');
const Database = require('better-sqlite3');

const PUBLIC_BASE_URL = 'https://bot.bench.invalid';
const SMS_AUTH_TOKEN = 'bench-sms-auth-token';
const ZALO_APP_ID = '3482178216594085616';
const ZALO_SECRET = 'bench-zalo-oa-secret';
const SMS_ACCOUNT = 'ACbench00000000000000000000000000';
const SMS_FROM = '+84900000000';
const ZALO_ACCESS_TOKEN = 'bench-access';

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const dbPath = option('--db');
if (!dbPath) {
  console.error('usage: node server.js --db FILE [--listen HOST:PORT] [--gateway URL [--sent-records-together]]');
  process.exit(2);
}
const [host, port] = option('--listen', '127.0.0.1:0').split(':');
const gateway = option('--gateway') ? new URL(option('--gateway')) : null;
const sentRecordsTogether = process.argv.includes('--sent-records-together');

const db = new Database(dbPath);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec(`
CREATE TABLE IF NOT EXISTS inbound (
  id INTEGER PRIMARY KEY, channel TEXT NOT NULL, external_id TEXT NOT NULL, contact TEXT NOT NULL,
  text TEXT NOT NULL, received_at INTEGER NOT NULL, UNIQUE (channel, external_id));
CREATE TABLE IF NOT EXISTS conversations (
  channel TEXT NOT NULL, contact TEXT NOT NULL, state TEXT NOT NULL, updated_at INTEGER NOT NULL,
  PRIMARY KEY (channel, contact)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT, channel TEXT NOT NULL, contact TEXT NOT NULL, text TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending', created_at INTEGER NOT NULL, gateway_id TEXT, sent_at INTEGER);
CREATE TABLE IF NOT EXISTS message_log (
  id INTEGER PRIMARY KEY, direction TEXT NOT NULL, channel TEXT NOT NULL, contact TEXT NOT NULL,
  text TEXT NOT NULL, at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS message_log_by_at ON message_log (at);
CREATE INDEX IF NOT EXISTS outbox_pending_by_contact ON outbox (channel, contact, id) WHERE state = 'pending';
`);

const insertInbound = db.prepare(
  'INSERT OR IGNORE INTO inbound (channel, external_id, contact, text, received_at) VALUES (?, ?, ?, ?, ?)');
const loadConversation = db.prepare('SELECT state FROM conversations WHERE channel = ? AND contact = ?');
const saveConversation = db.prepare(
  'INSERT INTO conversations (channel, contact, state, updated_at) VALUES (?, ?, ?, ?)' +
  ' ON CONFLICT (channel, contact) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at');
const enqueue = db.prepare('INSERT INTO outbox (channel, contact, text, created_at) VALUES (?, ?, ?, ?)');
const log = db.prepare('INSERT INTO message_log (direction, channel, contact, text, at) VALUES (?, ?, ?, ?, ?)');
const markSent = db.prepare(
  "UPDATE outbox SET state = 'sent', gateway_id = ?, sent_at = ? WHERE id = ? AND state = 'pending'");
const REPLY = 'Ông/bà cần hỗ trợ gì? Nhắn 1, 2 hoặc 3.';

// The reply's outbox id, or null for a gateway's retry of a message already handled.
const handle = db.transaction((channel, externalId, contact, text) => {
  const now = Date.now();
  if (insertInbound.run(channel, externalId, contact, text, now).changes === 0) return null;
  if (gateway) log.run('in', channel, contact, text, now);
  const row = loadConversation.get(channel, contact);
  const state = row ? JSON.parse(row.state) : { turns: 0 };
  state.turns += 1;
  state.last = text;
  saveConversation.run(channel, contact, JSON.stringify(state), now);
  if (gateway) log.run('out', channel, contact, REPLY, now);
  return enqueue.run(channel, contact, REPLY, now).lastInsertRowid;
});

const markAllSent = db.transaction((records) => {
  for (const r of records) markSent.run(r.gatewayId, r.at, r.id);
});
const sentRecords = [];
function recordSent(id, gatewayId) {
  if (!sentRecordsTogether) {
    markSent.run(gatewayId, Date.now(), id);
    return;
  }
  if (sentRecords.length === 0) setImmediate(() => markAllSent(sentRecords.splice(0)));
  sentRecords.push({ id, gatewayId, at: Date.now() });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
let failedSends = 0;  // left pending: reported on exit

// Sends a committed reply and records it sent. A failed send stays pending (a real server would
// retry it later; the benchmark's gateway accepts everything).
function deliver(id, channel, contact) {
  if (!gateway || id === null) return;
  const sms = channel === 'sms';
  const body = sms
    ? new URLSearchParams({ To: contact, From: SMS_FROM, Body: REPLY }).toString()
    : JSON.stringify({ recipient: { user_id: contact }, message: { text: REPLY } });
  const req = http.request({
    agent, host: gateway.hostname, port: gateway.port, method: 'POST',
    path: sms ? `/2010-04-01/Accounts/${SMS_ACCOUNT}/Messages.json` : '/v3.0/oa/message/cs',
    headers: sms
      ? { 'Content-Type': 'application/x-www-form-urlencoded',
          Authorization: 'Basic ' + Buffer.from(`${SMS_ACCOUNT}:${SMS_AUTH_TOKEN}`).toString('base64') }
      : { 'Content-Type': 'application/json', access_token: ZALO_ACCESS_TOKEN },
  }, (res) => {
    const chunks = [];
    res.on('data', (c) => chunks.push(c));
    res.on('end', () => {
      if (res.statusCode < 200 || res.statusCode >= 300) return void failedSends++;
      let answer;
      try {
        answer = JSON.parse(Buffer.concat(chunks).toString());
      } catch (e) {
        return void failedSends++;
      }
      recordSent(id, sms ? answer.sid : answer.data.message_id);
    });
  });
  req.on('error', () => void failedSends++);
  req.end(body);
}

function sameText(a, b) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

function twilioSignature(fields) {
  const signed = PUBLIC_BASE_URL + '/webhook/sms' +
    Object.keys(fields).sort().map((k) => k + fields[k]).join('');
  return crypto.createHmac('sha1', SMS_AUTH_TOKEN).update(signed).digest('base64');
}

const app = express();
app.disable('x-powered-by');

app.post('/webhook/sms', express.urlencoded({ extended: false }), (req, res) => {
  const f = req.body || {};
  if (!sameText(req.get('X-Twilio-Signature') || '', twilioSignature(f))) return res.status(403).end();
  if (!f.MessageSid || !f.From) return res.status(400).end();
  const id = handle('sms', f.MessageSid, f.From, f.Body || '');
  res.type('text/xml').send('<Response/>');
  deliver(id, 'sms', f.From);
});

app.post('/webhook/zalo', express.text({ type: 'application/json' }), (req, res) => {
  const raw = typeof req.body === 'string' ? req.body : '';
  let event;
  try {
    event = JSON.parse(raw);
  } catch (e) {
    return res.status(400).end();
  }
  const mac = crypto.createHash('sha256').update(ZALO_APP_ID + raw + event.timestamp + ZALO_SECRET).digest('hex');
  if (!sameText(req.get('X-ZEvent-Signature') || '', 'mac=' + mac)) return res.status(403).end();
  if (!event.message || !event.sender) return res.status(400).end();
  const id = handle('zalo', event.message.msg_id, event.sender.id, event.message.text || '');
  res.json({});
  deliver(id, 'zalo', event.sender.id);
});

const server = app.listen(Number(port), host, () => {
  const at = server.address();
  console.log(`listening on ${at.address}:${at.port}`);
});
function stop() {
  if (gateway) console.error(`failed sends: ${failedSends}`);
  server.close(() => { db.close(); process.exit(0); });
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
