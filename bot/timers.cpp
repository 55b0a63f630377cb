#include "bot/timers.hpp"

#include <algorithm>
#include <atomic>
#include <memory>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "bot/log.hpp"
#include "bot/store_await.hpp"

namespace motcua::bot {

namespace asio = boost::asio;

namespace {
// As the dispatcher: look again now and then, whatever the store said.
constexpr std::int64_t max_sleep_ms = 30'000;
constexpr std::size_t batch = 64;
}  // namespace

Timers::Timers(asio::io_context& io, store::Database& db, Fire fire, Clock clock, std::function<void()> fired)
    : db_(db), fire_(std::move(fire)), clock_(std::move(clock)), fired_(std::move(fired)),
      strand_(asio::make_strand(io)), timer_(strand_) {}

void Timers::start() { asio::co_spawn(strand_, run(), asio::detached); }

void Timers::wake() {
    wake_pending_ = true;
    asio::post(strand_, [this] { timer_.cancel(); });
}

void Timers::stop() {
    asio::post(strand_, [this] {
        stopping_ = true;
        timer_.cancel();
    });
}

asio::awaitable<void> Timers::run() {
    while (!stopping_) {
        wake_pending_ = false;
        std::vector<store::Timer> due;
        std::optional<std::int64_t> next_due;
        try {
            db_.read([&](store::Session& s) {
                due = store::due_timers(s, clock_(), batch);
                next_due = store::next_timer_due_at(s);
            });
        } catch (const std::exception& e) {
            log::error("timers_read_failed", {{"error", e.what()}});
        }
        if (!due.empty()) {
            co_await fire_due(std::move(due));
            continue;
        }
        if (stopping_ || wake_pending_) continue;
        std::int64_t sleep_ms = max_sleep_ms;
        if (next_due) sleep_ms = std::clamp<std::int64_t>(*next_due - clock_(), 0, max_sleep_ms);
        timer_.expires_after(std::chrono::milliseconds(sleep_ms));
        co_await timer_.async_wait(asio::as_tuple(asio::use_awaitable));
    }
}

asio::awaitable<void> Timers::fire_due(std::vector<store::Timer> due) {
    for (const auto& timer : due) {
        const auto now = clock_();
        // Set when the timer's own action failed, rather than the store: a locked file, a full
        // disk or a failed commit of the batch leave the timer due, to be fired once the store
        // answers again (giving up then would end a handoff nobody closes).
        auto action_failed = std::make_shared<std::atomic<bool>>(false);
        // Named jobs: GCC 12 mishandles temporaries that live across a co_await.
        store::Writer::Job fire = [this, timer, now, action_failed](store::Transaction& tx) {
            if (!store::claim_timer(tx, timer.id, now)) return;
            try {
                fire_(tx, timer, now);
            } catch (const store::StoreError& e) {
                if (!e.store_unusable()) *action_failed = true;
                throw;
            } catch (...) {
                *action_failed = true;
                throw;
            }
        };
        std::string error = co_await commit(db_, std::move(fire));
        if (error.empty()) continue;
        log::error("timer_failed", {{"id", std::to_string(timer.id)}, {"kind", timer.kind}, {"error", error}});
        if (*action_failed) {
            store::Writer::Job give_up = [timer, now](store::Transaction& tx) { store::claim_timer(tx, timer.id, now); };
            error = co_await commit(db_, std::move(give_up));
        }
        // The store failed: wait before looking again rather than spin on the same timer. Not
        // on timer_, which every commit's wake() cancels.
        if (!error.empty()) {
            asio::steady_timer pause(strand_, std::chrono::seconds(1));
            co_await pause.async_wait(asio::as_tuple(asio::use_awaitable));
            co_return;
        }
    }
    fired_();
}

}  // namespace motcua::bot
