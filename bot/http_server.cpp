#include "bot/http_server.hpp"

#include <atomic>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <mutex>
#include <set>

#include "bot/log.hpp"

namespace motcua::bot {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;

namespace {

constexpr auto header_deadline = 10s;
constexpr auto body_deadline = 30s;
constexpr auto write_deadline = 30s;

// A syntax error in what the client sent, as opposed to the client going away or timing out.
bool is_malformed(const beast::error_code& ec) {
    return ec.category() == beast::error_code(http::error::bad_target).category() &&
           ec != http::error::end_of_stream && ec != http::error::partial_message;
}

struct Connection {
    explicit Connection(tcp::socket socket) : stream(std::move(socket)) {}
    beast::tcp_stream stream;
    std::atomic<bool> busy{false};
};

Request to_request(http::request<http::string_body>&& msg) {
    Request r;
    r.method = std::string(msg.method_string());
    const std::string target(msg.target());
    const auto q = target.find('?');
    r.path = target.substr(0, q);
    if (q != std::string::npos) r.query = target.substr(q + 1);
    for (const auto& field : msg) {
        std::string name(field.name_string());
        for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        r.headers[name] = std::string(field.value());
    }
    r.body = std::move(msg.body());
    return r;
}

// Suspends the session until the handler answers, then resumes it on the session's own strand.
asio::awaitable<HttpAnswer> call(const Handler& handler, Request request) {
    co_return co_await asio::async_initiate<decltype(asio::use_awaitable), void(HttpAnswer)>(
        [&handler, &request](auto completion) {
            auto shared = std::make_shared<decltype(completion)>(std::move(completion));
            handler(std::move(request), [shared](HttpAnswer answer) {
                auto executor = asio::get_associated_executor(*shared);
                asio::post(executor, [shared, answer = std::move(answer)]() mutable {
                    (*shared)(std::move(answer));
                });
            });
        },
        asio::use_awaitable);
}

}  // namespace

struct HttpServer::Impl : std::enable_shared_from_this<Impl> {
    Impl(asio::io_context& io, const tcp::endpoint& at, Handler h)
        : io(io), acceptor(asio::make_strand(io)), handler(std::move(h)) {
        acceptor.open(at.protocol());
        acceptor.set_option(asio::socket_base::reuse_address(true));
        acceptor.bind(at);
        acceptor.listen(asio::socket_base::max_listen_connections);
    }

    asio::awaitable<void> accept_loop() {
        auto self = shared_from_this();
        while (!stopping) {
            auto [ec, socket] = co_await acceptor.async_accept(asio::make_strand(io), asio::as_tuple(asio::use_awaitable));
            if (ec) {
                if (stopping || ec == asio::error::operation_aborted) break;
                log::warn("accept_failed", {{"error", ec.message()}});
                continue;
            }
            socket.set_option(tcp::no_delay(true));
            auto conn = std::make_shared<Connection>(std::move(socket));
            {
                std::lock_guard lock(mutex);
                connections.insert(conn);
            }
            auto executor = conn->stream.get_executor();
            asio::co_spawn(executor, session(conn), asio::detached);
        }
    }

    // The answer is taken by value: GCC 12 can destroy a temporary bound to a coroutine's reference
    // parameter before the coroutine has used it.
    asio::awaitable<void> write(Connection& conn, HttpAnswer answer, bool keep_alive, unsigned version) {
        http::response<http::string_body> res{static_cast<http::status>(answer.status), version};
        res.set(http::field::server, "motcua");
        if (!answer.content_type.empty()) res.set(http::field::content_type, answer.content_type);
        res.body() = answer.body;
        res.keep_alive(keep_alive);
        res.prepare_payload();
        conn.stream.expires_after(write_deadline);
        co_await http::async_write(conn.stream, res, asio::as_tuple(asio::use_awaitable));
    }

    asio::awaitable<void> session(std::shared_ptr<Connection> conn) {
        auto self = shared_from_this();
        beast::flat_buffer buffer;
        while (!stopping) {
            http::request_parser<http::string_body> parser;
            parser.body_limit(body_limit);
            parser.header_limit(16 * 1024);
            conn->stream.expires_after(header_deadline);
            auto [ec, n] = co_await http::async_read_header(conn->stream, buffer, parser, asio::as_tuple(asio::use_awaitable));
            if (ec == http::error::body_limit) {  // a declared Content-Length over the limit
                co_await write(*conn, json_error(413, "body larger than 64 KiB"), false, 11);
                break;
            }
            if (ec) {
                if (is_malformed(ec)) co_await write(*conn, json_error(400, "malformed HTTP request"), false, 11);
                break;
            }
            conn->busy = true;
            const auto declared = parser.content_length();
            if (declared && *declared > body_limit) {
                co_await write(*conn, json_error(413, "body larger than 64 KiB"), false, parser.get().version());
                break;
            }
            conn->stream.expires_after(body_deadline);
            std::tie(ec, n) = co_await http::async_read(conn->stream, buffer, parser, asio::as_tuple(asio::use_awaitable));
            if (ec == http::error::body_limit) {
                co_await write(*conn, json_error(413, "body larger than 64 KiB"), false, parser.get().version());
                break;
            }
            if (ec) {
                if (is_malformed(ec)) co_await write(*conn, json_error(400, "malformed HTTP request"), false, 11);
                break;
            }
            auto msg = parser.release();
            const bool keep_alive = msg.keep_alive();
            const unsigned version = msg.version();
            conn->stream.expires_never();
            const HttpAnswer answer = co_await call(handler, to_request(std::move(msg)));
            co_await write(*conn, answer, keep_alive && !stopping, version);
            conn->busy = false;
            if (!keep_alive) break;
        }
        beast::error_code ignored;
        conn->stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
        conn->stream.close();
        std::lock_guard lock(mutex);
        connections.erase(conn);
    }

    void stop() {
        stopping = true;
        asio::post(acceptor.get_executor(), [self = shared_from_this()] {
            beast::error_code ignored;
            self->acceptor.close(ignored);
        });
        std::lock_guard lock(mutex);
        for (const auto& conn : connections) {
            if (conn->busy) continue;
            asio::post(conn->stream.get_executor(), [conn] {
                if (!conn->busy) conn->stream.cancel();
            });
        }
    }

    asio::io_context& io;
    tcp::acceptor acceptor;
    Handler handler;
    std::atomic<bool> stopping{false};
    mutable std::mutex mutex;
    std::set<std::shared_ptr<Connection>> connections;
};

HttpServer::HttpServer(asio::io_context& io, const tcp::endpoint& at, Handler handler)
    : impl_(std::make_shared<Impl>(io, at, std::move(handler))) {}

HttpServer::~HttpServer() = default;

tcp::endpoint HttpServer::local_endpoint() const { return impl_->acceptor.local_endpoint(); }

void HttpServer::start() {
    asio::co_spawn(impl_->acceptor.get_executor(), impl_->accept_loop(), asio::detached);
}

void HttpServer::stop() { impl_->stop(); }

std::size_t HttpServer::open_connections() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->connections.size();
}

}  // namespace motcua::bot
