#pragma once
// The HTTP/1.1 server every gateway and the admin API talk to (SPEC §3): keep-alive, 64 KiB
// bodies, a 10 s deadline for headers, a cap on open connections, and a graceful stop that lets
// requests in flight finish.
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "adapters/json_error.hpp"
#include "adapters/wire.hpp"

namespace motcua::bot {

struct Request {
    std::string method;
    std::string path;   // without the query
    std::string query;  // after '?', undecoded
    std::map<std::string, std::string> headers;  // names in lower case
    std::string body;
};

// Handlers answer through the callback, from any thread, exactly once.
using Respond = std::function<void(HttpAnswer)>;
using Handler = std::function<void(Request, Respond)>;

using adapters::json_error;

class HttpServer {
public:
    static constexpr std::size_t body_limit = 64 * 1024;
    static constexpr std::size_t default_max_connections = 1024;

    // At max_connections open, a new connection takes the place of the connection idle the
    // longest (one waiting for a request, none of it received); with none idle it gets a 503
    // and is closed at once, so a flood of clients cannot exhaust the file descriptors.
    // Throws std::invalid_argument when max_connections is 0.
    HttpServer(boost::asio::io_context& io, const boost::asio::ip::tcp::endpoint& at, Handler handler,
               std::size_t max_connections = default_max_connections);
    ~HttpServer();

    boost::asio::ip::tcp::endpoint local_endpoint() const;
    void start();
    // Stops accepting, closes idle keep-alive connections; busy ones close after answering.
    void stop();
    std::size_t open_connections() const;

private:
    struct Impl;
    std::shared_ptr<Impl> impl_;
};

}  // namespace motcua::bot
