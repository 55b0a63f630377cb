#pragma once
// One connection to a gateway, plain or TLS, that stays open between calls while the gateway
// allows it: a TLS handshake per outbound message would cost more than the message.
#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "adapters/wire.hpp"

namespace motcua::bot {

struct Url {
    bool tls = false;
    std::string host;
    std::string port;
    std::string target;  // path and query, at least "/"

    std::string origin() const { return (tls ? "https://" : "http://") + host + ":" + port; }
};
// nullopt for anything but an absolute http(s) URL.
std::optional<Url> parse_url(const std::string& url);

class GatewayConnection {
public:
    using Request = boost::beast::http::request<boost::beast::http::string_body>;

    struct Opened {
        std::unique_ptr<GatewayConnection> connection;  // null when it could not be opened
        HttpReply failure;                              // status 0 and the reason, then
    };
    // Resolves, connects and, for https, verifies the certificate and the host name. The
    // connection's I/O runs on `io`, which must outlive it.
    static boost::asio::awaitable<Opened> open(boost::asio::io_context& io, Url url, boost::asio::ssl::context& tls,
                                               std::chrono::milliseconds deadline);

    struct Exchange {
        HttpReply reply;          // status 0 with the reason when the call did not complete
        bool reusable = false;    // complete, and neither side asked to close
        bool answered = false;    // some of a response arrived: the gateway saw the request
        bool peer_closed = false; // failed because the gateway had closed the connection
    };
    boost::asio::awaitable<Exchange> exchange(Request request, std::chrono::milliseconds deadline);

    std::chrono::steady_clock::time_point last_used;

private:
    GatewayConnection() = default;

    std::optional<boost::beast::tcp_stream> plain_;
    std::unique_ptr<boost::beast::ssl_stream<boost::beast::tcp_stream>> secure_;
    // Bounded: Beast limits an answer's header and body, but not every part of a chunked one (a
    // chunk's extensions), and a gateway sending one without end would otherwise fill memory.
    static constexpr std::size_t unread_limit = 128 * 1024;
    boost::beast::flat_buffer buffer_{unread_limit};
};

}  // namespace motcua::bot
