#include "bot/dispatcher.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <algorithm>
#include <cmath>
#include <vector>

#include "bot/log.hpp"
#include "store/conversations.hpp"
#include "store/writer.hpp"

namespace motcua::bot {

namespace asio = boost::asio;
using namespace std::chrono_literals;

namespace {
// Even with nothing due, look again now and then: a clock jump or a second process writing
// the same file must not leave items waiting forever.
constexpr std::int64_t max_sleep_ms = 30'000;
constexpr auto min_poll_interval = 2ms;
// A store that comes back is noticed within this long by an outcome waiting to be recorded.
constexpr double max_record_delay_s = 30;
constexpr double stopping_record_delay_s = 1;
}  // namespace

Dispatcher::Dispatcher(asio::io_context& io, store::Database& db, std::map<Channel, Sender*> senders,
                       RetryPolicy policy, Clock clock, Metrics& metrics, std::size_t max_in_flight)
    : db_(db), senders_(std::move(senders)), policy_(policy), clock_(std::move(clock)), metrics_(metrics),
      max_in_flight_(max_in_flight), strand_(asio::make_strand(io)), timer_(strand_) {}

void Dispatcher::start() { asio::co_spawn(strand_, run(), asio::detached); }

void Dispatcher::wake() {
    wake_pending_ = true;
    asio::post(strand_, [this] { timer_.cancel(); });
}

void Dispatcher::stop(std::function<void()> on_idle) {
    asio::post(strand_, [this, on_idle = std::move(on_idle)]() mutable {
        stopping_ = true;
        timer_.cancel();
        for (const auto& hold : holds_) hold->cancel();
        if (busy_.empty()) on_idle();
        else on_idle_ = std::move(on_idle);
    });
}

asio::awaitable<void> Dispatcher::run() {
    asio::steady_timer pause(strand_);
    auto last_poll = std::chrono::steady_clock::time_point();
    while (!stopping_) {
        // Under load every commit and every answered send wakes the dispatcher; one poll per
        // interval serves all the wake-ups of that interval instead of one poll each.
        if (const auto since = std::chrono::steady_clock::now() - last_poll; since < min_poll_interval) {
            pause.expires_after(min_poll_interval - since);
            co_await pause.async_wait(asio::as_tuple(asio::use_awaitable));
        }
        last_poll = std::chrono::steady_clock::now();
        wake_pending_ = false;
        std::optional<std::int64_t> next_due;
        try {
            fill();
            db_.read([&](store::Session& s) { next_due = store::next_outbound_due_at(s, clock_()); });
        } catch (const std::exception& e) {
            log::error("outbox_read_failed", {{"error", e.what()}});
        }
        if (stopping_) break;
        if (wake_pending_) continue;
        const auto now = clock_();
        // A due item that fill() did not take is waiting behind a send in flight, whose
        // completion wakes us; so sleep until the next future item only.
        std::int64_t sleep_ms = max_sleep_ms;
        if (next_due && *next_due > now) sleep_ms = std::min(sleep_ms, *next_due - now);
        timer_.expires_after(std::chrono::milliseconds(sleep_ms));
        co_await timer_.async_wait(asio::as_tuple(asio::use_awaitable));
    }
}

void Dispatcher::fill() {
    // Also after a stop that came while run() paused: no send may start once stopping.
    if (stopping_ || sending_ >= max_in_flight_) return;
    std::vector<store::OutboxItem> due;
    db_.read([&](store::Session& s) { due = store::due_outbound(s, clock_(), max_in_flight_ - sending_, busy_); });
    const auto fence = db_.writer().fence();
    for (auto& item : due) send(std::move(item), fence);
}

void Dispatcher::send(store::OutboxItem item, std::uint64_t fence) {
    const std::pair<Channel, std::string> contact{item.message.channel, item.message.contact};
    busy_[contact].insert(item.id);
    ++sending_;
    // Ids grow in commit order, so an item no newer than one already found durable was stored
    // durably too: a backlog (an officer's briefs) goes out without a sync's wait per message.
    // Its row may carry a newer change not yet on disk, a redirect to SMS: a power cut at that
    // instant would have it tried on Zalo and redirected again, the same one-resend window as a
    // crash between a gateway's acceptance and its record (SPEC §6).
    if (item.id <= durable_id_) {
        asio::co_spawn(strand_, deliver(std::move(item), true), asio::detached);
        return;
    }
    // The read may have seen the item's commit before it was on disk. Sent then, a reply could
    // outlive its message in a power cut, and the gateway's retry of that message would be
    // answered a second time.
    db_.writer().when_durable(fence, [this, item = std::move(item)](bool durable) mutable {
        asio::co_spawn(strand_, deliver(std::move(item), durable), asio::detached);
    });
}

// The gateway accepted this contact's message, and its record is on the way to the store: the
// contact's next message can go now rather than one commit later, so that a recipient of many
// messages is not held to one per commit. Order holds, since the next goes only after the
// gateway accepted this one. Most contacts have one message at a time: when none was behind
// this one as it was read, the read is spared, and a message queued since is the head once this
// one's record is stored, for the poll that follows it.
void Dispatcher::follow_on(const store::OutboxItem& accepted) {
    const std::pair<Channel, std::string> contact{accepted.message.channel, accepted.message.contact};
    const auto found = busy_.find(contact);
    if (!accepted.others_behind || stopping_ || sending_ >= max_in_flight_ || found == busy_.end() ||
        found->second.size() >= max_unrecorded_per_contact)
        return;
    const auto& unsettled = found->second;
    std::optional<store::OutboxItem> next;
    try {
        db_.read([&](store::Session& s) { next = store::next_in_queue(s, contact.first, contact.second, unsettled); });
    } catch (const std::exception& e) {
        log::error("outbox_read_failed", {{"error", e.what()}});
        return;
    }
    // One not due yet waits for its time, and the contact for the records (a poll takes it).
    if (next && next->next_attempt_at_ms <= clock_()) send(std::move(*next), db_.writer().fence());
}

asio::awaitable<void> Dispatcher::deliver(store::OutboxItem item, bool durable) {
    if (durable) durable_id_ = std::max(durable_id_, item.id);
    if (stopping_ || !durable || db_.writer().failed()) {
        // The stop came while the item waited for its commit's sync; or a sync failed, after
        // which the store records nothing until a restart, so a reply sent now would be sent
        // again after it. The item stays pending, and is not tried again before the next poll.
        --sending_;
        release({item.message.channel, item.message.contact}, item.id);
        co_return;
    }
    SendOutcome outcome{SendOutcome::Kind::dead, "channel " + std::string(channel_name(item.message.channel)) + " is not configured"};
    if (auto it = senders_.find(item.message.channel); it != senders_.end()) {
        try {
            SendOutcome sent = co_await it->second->send(item.message);
            outcome = std::move(sent);
        } catch (const std::exception& e) {
            outcome = {SendOutcome::Kind::retry, std::string("sender failed: ") + e.what()};
        }
    }
    --sending_;
    record(item, outcome);
    if (outcome.kind == SendOutcome::Kind::accepted) follow_on(item);
    if (!stopping_) rouse();
}

void Dispatcher::record(const store::OutboxItem& item, const SendOutcome& outcome) {
    metrics_.outbound(item.message.channel, outcome.kind);
    const auto now = clock_();
    const auto id = item.id;
    const std::pair<Channel, std::string> contact{item.message.channel, item.message.contact};
    const bool sms_configured = senders_.count(Channel::sms) > 0;
    auto job = [item, outcome, now, sms_configured, policy = policy_](store::Transaction& tx) {
        using Kind = SendOutcome::Kind;
        switch (outcome.kind) {
            case Kind::accepted:
                store::mark_sent(tx, item.id, outcome.detail, now);
                return;
            case Kind::dead:
                store::mark_dead(tx, item.id, outcome.detail, now);
                return;
            case Kind::fallback_sms: {
                const auto info = store::load_contact_info(tx, item.message.channel, item.message.contact);
                if (sms_configured && !info.phone.empty())
                    store::redirect_outbound(tx, item.id, Channel::sms, info.phone, now);
                else
                    store::mark_dead(tx, item.id, outcome.detail + "; no phone number known for SMS", now);
                return;
            }
            case Kind::retry:
            case Kind::refresh_auth: {
                const auto next = policy.next_attempt_ms(item.created_at_ms, item.attempts + 1, now);
                if (next) store::schedule_retry(tx, item.id, *next, outcome.detail);
                else store::mark_dead(tx, item.id, "gave up after " + std::to_string(item.attempts + 1) + " tries: " + outcome.detail, now);
                return;
            }
        }
    };
    store_outcome(std::make_shared<OutcomeRecord>(OutcomeRecord{std::move(job), id, contact, outcome, 0}));
}

void Dispatcher::store_outcome(std::shared_ptr<OutcomeRecord> record) {
    db_.writer().submit(record->job, [this, record](bool committed, const std::string& error) {
        if (committed) {
            if (record->outcome.kind != SendOutcome::Kind::accepted)
                log::warn("outbound_not_accepted", {{"id", std::to_string(record->id)}, {"reason", record->outcome.detail}});
            asio::post(strand_, [this, record] { settle(record->contact, record->id); });
            return;
        }
        // The gateway's answer is known; only its record is missing. Sending the item again
        // would repeat it to the citizen for as long as the store is down, so the record alone
        // is tried again, and the contact waits. A crash meanwhile resends it once (SPEC §6).
        ++record->failures;
        log::error("outbox_record_failed", {{"id", std::to_string(record->id)}, {"error", error},
                                            {"failures", std::to_string(record->failures)}});
        if (db_.writer().failed()) {
            // Never, before the restart that a failed sync needs, which resends it once: the
            // contact is let go, so that the stop for that restart does not wait for it.
            asio::post(strand_, [this, record] { release(record->contact, record->id); });
            return;
        }
        asio::post(strand_, [this, record] { hold_record(record); });
    });
}

// The record is tried again after a pause. A stop cuts the pauses short, so that the drain has
// the outcomes recorded before its deadline rather than resent after the restart; a store that
// failed for good lets them go (store_outcome).
void Dispatcher::hold_record(std::shared_ptr<OutcomeRecord> record) {
    auto delay = std::min(policy_.delay_after(record->failures), max_record_delay_s);
    if (stopping_) delay = std::min(delay, stopping_record_delay_s);
    auto hold = std::make_shared<asio::steady_timer>(strand_, std::chrono::milliseconds(std::llround(delay * 1000)));
    holds_.insert(hold);
    hold->async_wait([this, hold, record](const boost::system::error_code&) {
        holds_.erase(hold);
        store_outcome(record);
    });
}

void Dispatcher::settle(const std::pair<Channel, std::string>& contact, std::int64_t id) {
    release(contact, id);
    if (!stopping_) rouse();
}

void Dispatcher::release(const std::pair<Channel, std::string>& contact, std::int64_t id) {
    if (const auto it = busy_.find(contact); it != busy_.end()) {
        it->second.erase(id);
        if (it->second.empty()) busy_.erase(it);
    }
    if (stopping_ && busy_.empty() && on_idle_) std::exchange(on_idle_, nullptr)();
}

void Dispatcher::rouse() {
    wake_pending_ = true;
    timer_.cancel();
}

}  // namespace motcua::bot
