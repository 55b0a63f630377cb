#pragma once
// Lets a coroutine wait for a store job's commit without blocking its thread: it resumes on its
// own executor once the writer thread reports.
#include <boost/asio/async_result.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <memory>
#include <string>

#include "store/database.hpp"
#include "store/writer.hpp"

namespace motcua::bot {

// Resumes with the empty string once committed, or with the reason it was not.
inline boost::asio::awaitable<std::string> commit(store::Database& db, store::Writer::Job job) {
    namespace asio = boost::asio;
    co_return co_await asio::async_initiate<decltype(asio::use_awaitable), void(std::string)>(
        [&db, &job](auto completion) {
            auto shared = std::make_shared<decltype(completion)>(std::move(completion));
            db.writer().submit(std::move(job), [shared](bool committed, const std::string& error) {
                auto executor = asio::get_associated_executor(*shared);
                asio::post(executor, [shared, result = committed ? std::string() : error]() mutable {
                    (*shared)(std::move(result));
                });
            });
        },
        asio::use_awaitable);
}

}  // namespace motcua::bot
