#pragma once
// Fires the store's timers (store/timers.hpp) when they fall due: sleeps on an asio timer until
// the earliest one, then runs each due timer as its own writer job that claims it and acts on
// it in one transaction, so a timer fires once even across restarts. A timer whose action
// fails is claimed anyway rather than retried forever; one that the store failed stays due.
#include <atomic>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <cstdint>
#include <functional>

#include "store/database.hpp"
#include "store/timers.hpp"

namespace motcua::bot {

class Timers {
public:
    using Clock = std::function<std::int64_t()>;
    // Acts on a due timer, inside the transaction that claimed it.
    using Fire = std::function<void(store::Transaction&, const store::Timer&, std::int64_t now_ms)>;

    // fired: called after timers were acted on (their replies are in the outbox).
    Timers(boost::asio::io_context& io, store::Database& db, Fire fire, Clock clock, std::function<void()> fired);

    void start();
    void wake();  // thread-safe: a timer was scheduled
    void stop();  // takes no more timers; a firing in flight still commits

private:
    boost::asio::awaitable<void> run();
    boost::asio::awaitable<void> fire_due(std::vector<store::Timer> due);

    store::Database& db_;
    Fire fire_;
    Clock clock_;
    std::function<void()> fired_;
    boost::asio::strand<boost::asio::io_context::executor_type> strand_;
    boost::asio::steady_timer timer_;
    std::atomic<bool> wake_pending_{false};
    bool stopping_ = false;
};

}  // namespace motcua::bot
