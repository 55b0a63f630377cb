#include "bot/bounded_wait.hpp"

#include <gtest/gtest.h>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <chrono>
#include <future>
#include <thread>
#include <vector>

namespace motcua::bot {
namespace {

namespace asio = boost::asio;
using namespace std::chrono_literals;

// Two threads run the loop, as in the server: an answer may come on either, or on neither.
class BoundedWait : public ::testing::Test {
protected:
    BoundedWait() {
        for (int i = 0; i < 2; ++i) threads.emplace_back([this] { io.run(); });
    }
    ~BoundedWait() override {
        work.reset();
        for (auto& thread : threads) thread.join();
    }

    std::future<std::optional<int>> wait_within(std::chrono::milliseconds deadline,
                                                std::function<void(std::function<void(int)>)> start) {
        return asio::co_spawn(io, within<int>(deadline, std::move(start)), asio::use_future);
    }

    asio::io_context io;
    std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work{io.get_executor()};
    std::vector<std::thread> threads;
};

TEST_F(BoundedWait, AnAnswerThatNeverComesEndsAtTheDeadline) {
    std::function<void(int)> kept;  // never called, like a lookup that hangs
    auto result = wait_within(50ms, [&kept](std::function<void(int)> done) { kept = std::move(done); });
    ASSERT_EQ(result.wait_for(5s), std::future_status::ready);
    EXPECT_EQ(result.get(), std::nullopt);
}

TEST_F(BoundedWait, AnAnswerGivenAtOnceDoesNotWaitForTheDeadline) {
    auto result = wait_within(60s, [](std::function<void(int)> done) { done(7); });
    ASSERT_EQ(result.wait_for(5s), std::future_status::ready);
    EXPECT_EQ(result.get(), 7);
}

TEST_F(BoundedWait, AnAnswerFromAnotherThreadEndsTheWait) {
    std::jthread answering;
    auto result = wait_within(60s, [&answering](std::function<void(int)> done) {
        answering = std::jthread([done = std::move(done)] {
            std::this_thread::sleep_for(20ms);
            done(42);
        });
    });
    ASSERT_EQ(result.wait_for(5s), std::future_status::ready);
    EXPECT_EQ(result.get(), 42);
}

TEST_F(BoundedWait, AnAnswerAfterTheDeadlineIsDropped) {
    std::function<void(int)> late;
    auto result = wait_within(10ms, [&late](std::function<void(int)> done) { late = std::move(done); });
    ASSERT_EQ(result.wait_for(5s), std::future_status::ready);
    EXPECT_EQ(result.get(), std::nullopt);
    late(1);  // the lookup's thread answering at last: nobody listens, nothing breaks
}

}  // namespace
}  // namespace motcua::bot
