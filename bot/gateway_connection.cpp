#include "bot/gateway_connection.hpp"

#include <openssl/ssl.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <algorithm>
#include <cctype>
#include <functional>
#include <memory>
#include <string_view>
#include <utility>

#include "bot/bounded_wait.hpp"

namespace motcua::bot {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

bool host_character(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-';
}

bool ipv6_character(char c) {
    return std::isxdigit(static_cast<unsigned char>(c)) || c == ':' || c == '.';
}

constexpr std::size_t max_interim_answers = 8;

HttpReply failure(const std::string& what, const beast::error_code& ec) { return {0, what + ": " + ec.message()}; }

// stream_truncated: a TLS peer that closed the connection without close_notify, as load
// balancers in front of gateways do with keep-alive connections they let go.
bool closed_by_peer(const beast::error_code& ec) {
    return ec == http::error::end_of_stream || ec == asio::error::eof || ec == asio::error::connection_reset ||
           ec == asio::error::broken_pipe || ec == asio::ssl::error::stream_truncated;
}

// Requests are small and wait for their answer: Nagle's delay would only slow them.
asio::awaitable<beast::error_code> connect(beast::tcp_stream& socket, tcp::resolver::results_type endpoints,
                                           std::chrono::milliseconds deadline) {
    socket.expires_after(deadline);
    auto [ec, endpoint] = co_await socket.async_connect(endpoints, asio::as_tuple(asio::use_awaitable));
    if (!ec) socket.socket().set_option(tcp::no_delay(true), ec);
    co_return ec;
}

template <class Stream>
asio::awaitable<GatewayConnection::Exchange> exchange_on(Stream& stream, beast::flat_buffer& buffer,
                                                         GatewayConnection::Request request) {
    GatewayConnection::Exchange result;
    auto [wec, written] = co_await http::async_write(stream, request, asio::as_tuple(asio::use_awaitable));
    if (wec) {
        result.reply = failure("send", wec);
        result.peer_closed = closed_by_peer(wec);
        co_return result;
    }
    // Interim answers (100 Continue, 103 Early Hints) may come before the real one, even unasked,
    // from the gateway or a proxy in front of it; each is a whole message of its own.
    for (std::size_t interim = 0;; ++interim) {
        http::response_parser<http::string_body> parser;
        parser.body_limit(1024 * 1024);
        auto [rec, read] = co_await http::async_read(stream, buffer, parser, asio::as_tuple(asio::use_awaitable));
        result.answered = result.answered || parser.got_some();
        if (rec) {
            result.reply = failure("receive", rec);
            result.peer_closed = closed_by_peer(rec);
            co_return result;
        }
        const auto status = static_cast<int>(parser.get().result_int());
        const bool is_interim = status >= 100 && status < 200 && status != 101;
        if (is_interim && interim < max_interim_answers) continue;
        result.reply = {status, parser.get().body()};
        // Bytes after the answer belong to no request of ours: read as the next request's
        // answer, they would settle another message with this one's outcome.
        result.reusable = !is_interim && status != 101 && parser.get().keep_alive() && request.keep_alive() &&
                          buffer.size() == 0;
        co_return result;
    }
}

}  // namespace

// Hand-written rather than a std::regex: it runs for every outbound message.
std::optional<Url> parse_url(const std::string& url) {
    Url u;
    std::string_view rest(url);
    if (rest.starts_with("https://")) {
        u.tls = true;
        rest.remove_prefix(8);
    } else if (rest.starts_with("http://")) {
        rest.remove_prefix(7);
    } else {
        return std::nullopt;
    }
    const auto path_at = std::min(rest.find('/'), rest.size());
    const std::string_view authority = rest.substr(0, path_at);
    const std::string_view path = rest.substr(path_at);
    for (const char c : path)
        if (std::isspace(static_cast<unsigned char>(c))) return std::nullopt;
    std::string_view host = authority;
    std::string_view after_host;
    if (authority.starts_with('[')) {
        const auto close = authority.find(']');
        if (close == std::string_view::npos) return std::nullopt;
        host = authority.substr(1, close - 1);
        after_host = authority.substr(close + 1);
        for (const char c : host)
            if (!ipv6_character(c)) return std::nullopt;
    } else {
        const auto colon = std::min(authority.find(':'), authority.size());
        host = authority.substr(0, colon);
        after_host = authority.substr(colon);
        for (const char c : host)
            if (!host_character(c)) return std::nullopt;
    }
    if (host.empty()) return std::nullopt;
    std::string_view port;
    if (!after_host.empty()) {
        if (after_host.front() != ':') return std::nullopt;
        port = after_host.substr(1);
        if (port.empty() || port.size() > 5) return std::nullopt;
        for (const char c : port)
            if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    }
    u.host = std::string(host);
    u.port = !port.empty() ? std::string(port) : (u.tls ? "443" : "80");
    u.target = path.empty() ? "/" : std::string(path);
    return u;
}

asio::awaitable<GatewayConnection::Opened> GatewayConnection::open(asio::io_context& io, Url url, asio::ssl::context& tls,
                                                                   std::chrono::milliseconds deadline) {
    Opened opened;
    auto executor = io.get_executor();
    using Resolved = std::pair<beast::error_code, tcp::resolver::results_type>;
    tcp::resolver resolver(executor);
    std::function<void(std::function<void(Resolved)>)> lookup = [&resolver, &url](std::function<void(Resolved)> done) {
        resolver.async_resolve(url.host, url.port,
                               [done = std::move(done)](const beast::error_code& ec, tcp::resolver::results_type results) {
                                   done({ec, std::move(results)});
                               });
    };
    auto resolved = co_await within<Resolved>(deadline, std::move(lookup));
    if (!resolved) {
        // Asio's one lookup thread would otherwise run this lookup to its end before any other,
        // also if it has not begun yet; one already running still does.
        resolver.cancel();
        resolved = Resolved{asio::error::timed_out, {}};
    }
    auto& [ec, endpoints] = *resolved;
    if (ec) {
        opened.failure = failure("resolve " + url.host, ec);
        co_return opened;
    }
    std::unique_ptr<GatewayConnection> connection(new GatewayConnection());
    if (!url.tls) {
        auto& stream = connection->plain_.emplace(executor);
        const auto cec = co_await connect(stream, endpoints, deadline);
        if (cec) {
            opened.failure = failure("connect", cec);
            co_return opened;
        }
        opened.connection = std::move(connection);
        co_return opened;
    }
    connection->secure_ = std::make_unique<beast::ssl_stream<beast::tcp_stream>>(executor, tls);
    auto& stream = *connection->secure_;
    if (!SSL_set_tlsext_host_name(stream.native_handle(), url.host.c_str())) {
        opened.failure = {0, "cannot set TLS server name"};
        co_return opened;
    }
    stream.set_verify_callback(asio::ssl::host_name_verification(url.host));
    const auto cec = co_await connect(beast::get_lowest_layer(stream), endpoints, deadline);
    if (cec) {
        opened.failure = failure("connect", cec);
        co_return opened;
    }
    auto [hec] = co_await stream.async_handshake(asio::ssl::stream_base::client, asio::as_tuple(asio::use_awaitable));
    if (hec) {
        opened.failure = failure("TLS handshake", hec);
        co_return opened;
    }
    opened.connection = std::move(connection);
    co_return opened;
}

asio::awaitable<GatewayConnection::Exchange> GatewayConnection::exchange(Request request,
                                                                         std::chrono::milliseconds deadline) {
    last_used = std::chrono::steady_clock::now();
    if (plain_) {
        plain_->expires_after(deadline);
        auto result = co_await exchange_on(*plain_, buffer_, std::move(request));
        co_return result;
    }
    beast::get_lowest_layer(*secure_).expires_after(deadline);
    auto result = co_await exchange_on(*secure_, buffer_, std::move(request));
    co_return result;
}

}  // namespace motcua::bot
