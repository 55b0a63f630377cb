#pragma once
// Sends the outbox: picks due items (one per contact at a time, so each contact gets its
// messages in order), hands each to its channel's Sender, and records the outcome: sent, retry
// at a backoff time, redirected to SMS, or dead with the reason. Items stay pending until that
// record commits, so a crash resends only messages whose acceptance was not yet stored: the
// one in flight for each contact, or, for a contact receiving many (an officer's briefs), the
// few sent after the gateway accepted the previous one and before that acceptance was stored.
#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>

#include "bot/metrics.hpp"
#include "bot/retry_policy.hpp"
#include "bot/sender.hpp"
#include "store/database.hpp"
#include "store/outbox.hpp"
#include "store/writer.hpp"

namespace motcua::bot {

class Dispatcher {
public:
    using Clock = std::function<std::int64_t()>;
    // How many of one contact's messages may be accepted by the gateway ahead of their records:
    // at most what a crash at the worst moment sends that contact twice. Eight keep up with a
    // recipient of ~700 messages a second while each record waits for a commit of a loaded store.
    static constexpr std::size_t max_unrecorded_per_contact = 8;

    Dispatcher(boost::asio::io_context& io, store::Database& db, std::map<Channel, Sender*> senders,
               RetryPolicy policy, Clock clock, Metrics& metrics, std::size_t max_in_flight = 32);

    void start();
    void wake();  // thread-safe: the outbox changed
    // Stops taking new items; on_idle runs once every send in flight has been recorded.
    void stop(std::function<void()> on_idle);

private:
    boost::asio::awaitable<void> run();
    // durable: whether the commit the item was read from is on disk; if not, it is not sent.
    boost::asio::awaitable<void> deliver(store::OutboxItem item, bool durable);
    void fill();
    // A send's outcome on its way to the store, kept until it is stored.
    struct OutcomeRecord {
        store::Writer::Job job;
        std::int64_t id;
        std::pair<Channel, std::string> contact;
        SendOutcome outcome;
        int failures;
    };

    void record(const store::OutboxItem& item, const SendOutcome& outcome);
    void store_outcome(std::shared_ptr<OutcomeRecord> record);
    void hold_record(std::shared_ptr<OutcomeRecord> record);  // on the strand
    // fence: the writer's, taken right after the read that found the item.
    void send(store::OutboxItem item, std::uint64_t fence);
    void follow_on(const store::OutboxItem& accepted);
    // A send of the contact's is over: the contact's next may go, and the dispatcher looks again.
    void settle(const std::pair<Channel, std::string>& contact, std::int64_t id);
    // The same without looking again; the stop's on_idle runs once nothing is left.
    void release(const std::pair<Channel, std::string>& contact, std::int64_t id);
    void rouse();  // on the strand: look for due items again

    store::Database& db_;
    std::map<Channel, Sender*> senders_;
    RetryPolicy policy_;
    Clock clock_;
    Metrics& metrics_;
    std::size_t max_in_flight_;
    boost::asio::strand<boost::asio::io_context::executor_type> strand_;
    boost::asio::steady_timer timer_;
    std::atomic<bool> wake_pending_{false};
    bool stopping_ = false;
    // A send's slot is free once the gateway answered; its contact stays busy until the outcome
    // is stored, so that the polls do not hand out that contact's messages again. Only the
    // contact's next message may follow, and only once the gateway has accepted this one.
    std::size_t sending_ = 0;
    std::int64_t durable_id_ = 0;  // the newest item known to be stored durably
    store::BusyContacts busy_;
    std::set<std::shared_ptr<boost::asio::steady_timer>> holds_;  // the records waiting to be tried again
    std::function<void()> on_idle_;
};

}  // namespace motcua::bot
