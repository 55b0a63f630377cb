#pragma once
// Performs the gateway calls adapters describe: http:// (loopback tests, local gateways) and
// https:// with certificate and host name verification (real gateways), each with a deadline.
#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ssl/context.hpp>
#include <chrono>

#include "adapters/wire.hpp"

namespace motcua::bot {

class HttpClient {
public:
    explicit HttpClient(std::chrono::milliseconds deadline = std::chrono::seconds(20));

    // Never throws for network trouble: a call that could not complete answers status 0 with
    // the reason in body, which every adapter reads as "try again later".
    boost::asio::awaitable<HttpReply> perform(const HttpCall& call);

private:
    std::chrono::milliseconds deadline_;
    boost::asio::ssl::context tls_;
};

struct Url {
    bool tls = false;
    std::string host;
    std::string port;
    std::string target;  // path and query, at least "/"
};
// nullopt for anything but an absolute http(s) URL.
std::optional<Url> parse_url(const std::string& url);

}  // namespace motcua::bot
