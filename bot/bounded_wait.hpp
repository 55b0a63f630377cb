#pragma once
// Waits no longer than a deadline for an operation that cannot be interrupted. The case in point
// is the name lookup before a gateway connection: Asio runs getaddrinfo, one lookup after
// another, on a thread of its own, and a lookup already running cannot be cancelled; with an
// unreachable DNS server it lasts as long as the resolver's own timeouts.
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <utility>

namespace motcua::bot {
namespace bounded_wait {

// The answer and the timer are touched on one strand only, so an answer cannot slip in between
// the check for it and the start of the wait, and be missed until the deadline.
template <class Answer>
struct Wait {
    explicit Wait(boost::asio::strand<boost::asio::any_io_executor> strand) : timer(std::move(strand)) {}
    boost::asio::steady_timer timer;
    std::optional<Answer> answer;
};

template <class Answer>
boost::asio::awaitable<std::optional<Answer>> on_strand(std::shared_ptr<Wait<Answer>> wait) {
    if (!wait->answer) co_await wait->timer.async_wait(boost::asio::as_tuple(boost::asio::use_awaitable));
    co_return std::move(wait->answer);
}

}  // namespace bounded_wait

// start(done) begins the operation; done(answer) may be called once, from any thread, also
// before start returns. Returns the answer, or nullopt if the deadline came first; an answer
// that comes later is dropped.
template <class Answer>
boost::asio::awaitable<std::optional<Answer>> within(std::chrono::milliseconds deadline,
                                                     std::function<void(std::function<void(Answer)>)> start) {
    namespace asio = boost::asio;
    auto strand = asio::make_strand(co_await asio::this_coro::executor);
    auto wait = std::make_shared<bounded_wait::Wait<Answer>>(strand);
    wait->timer.expires_after(deadline);
    start([wait, strand](Answer answer) {
        asio::post(strand, [wait, answer = std::move(answer)]() mutable {
            wait->answer = std::move(answer);
            wait->timer.cancel();
        });
    });
    co_return co_await asio::co_spawn(strand, bounded_wait::on_strand(wait), asio::use_awaitable);
}

}  // namespace motcua::bot
