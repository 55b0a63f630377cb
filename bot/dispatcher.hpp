#pragma once
// Sends the outbox: picks due items (one per contact at a time, so each contact gets its
// messages in order), hands each to its channel's Sender, and records the outcome: sent, retry
// at a backoff time, redirected to SMS, or dead with the reason. Items stay pending until that
// record commits, so a crash at any point resends at most the one message in flight.
#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <functional>
#include <map>
#include <memory>
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

    Dispatcher(boost::asio::io_context& io, store::Database& db, std::map<Channel, Sender*> senders,
               RetryPolicy policy, Clock clock, Metrics& metrics, std::size_t max_in_flight = 32);

    void start();
    void wake();  // thread-safe: the outbox changed
    // Stops taking new items; on_idle runs once every send in flight has been recorded.
    void stop(std::function<void()> on_idle);

private:
    boost::asio::awaitable<void> run();
    boost::asio::awaitable<void> deliver(store::OutboxItem item);
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
    void finished(const std::pair<Channel, std::string>& contact);
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
    // is stored, so that contact's next message cannot overtake it.
    std::size_t sending_ = 0;
    store::BusyContacts busy_;
    std::function<void()> on_idle_;
};

}  // namespace motcua::bot
