#pragma once
// Performs the gateway calls adapters describe: http:// (loopback tests, local gateways) and
// https:// with certificate and host name verification (real gateways), each with a deadline.
// Connections are kept open and reused per origin, as gateways expect of a steady sender.
#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ssl/context.hpp>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "adapters/wire.hpp"
#include "bot/gateway_connection.hpp"

namespace motcua::bot {

class HttpClient {
public:
    // Connections are kept on `io`, which must outlive the client; calls may come from any
    // coroutine.
    explicit HttpClient(boost::asio::io_context& io, std::chrono::milliseconds deadline = std::chrono::seconds(20));
    ~HttpClient();

    // Never throws for network trouble: a call that could not complete answers status 0 with
    // the reason in body, which every adapter reads as "try again later".
    boost::asio::awaitable<HttpReply> perform(const HttpCall& call);

private:
    std::unique_ptr<GatewayConnection> take_idle(const std::string& origin);
    void keep_idle(const std::string& origin, std::unique_ptr<GatewayConnection> connection);

    boost::asio::io_context& io_;
    std::chrono::milliseconds deadline_;
    boost::asio::ssl::context tls_;
    std::mutex mutex_;
    std::map<std::string, std::vector<std::unique_ptr<GatewayConnection>>> idle_;
};

}  // namespace motcua::bot
