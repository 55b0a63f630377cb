#include "bot/http_server.hpp"

#include <atomic>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <mutex>
#include <set>
#include <stdexcept>

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
// Out of file descriptors or kernel memory, accept fails at once until something is freed:
// pausing keeps the accept loop from spinning on the error meanwhile. A client that gave up
// before being accepted is no reason to pause.
constexpr auto accept_pause = 100ms;
constexpr std::size_t first_read_size = 4096;
constexpr std::size_t header_limit = 16 * 1024;
// What a connection's read buffer may hold that the parser has not taken yet. Beast limits the
// header and the body's data, but not a chunk's header line or the trailers after the last
// chunk: without this, a client could send an endless chunk extension and be kept in memory.
constexpr std::size_t unparsed_limit = header_limit + 64 * 1024;
constexpr std::size_t refused_input_limit = 64 * 1024;

// A syntax error in what the client sent, as opposed to the client going away or timing out.
bool is_malformed(const beast::error_code& ec) {
    return ec.category() == beast::error_code(http::error::bad_target).category() &&
           ec != http::error::end_of_stream && ec != http::error::partial_message;
}

struct Connection {
    explicit Connection(tcp::socket socket) : stream(std::move(socket)) {}
    beast::tcp_stream stream;
    std::atomic<bool> busy{false};
    // Waiting for the first byte of a request: closing it now loses nothing, so it is the
    // one to give up when the connection cap is reached.
    std::atomic<bool> idle{false};
    std::atomic<std::chrono::steady_clock::rep> idle_since{0};
    // Chosen to make room: no longer counted against the cap while it closes.
    std::atomic<bool> evicted{false};
};

http::response<http::string_body> to_response(const HttpAnswer& answer, bool keep_alive, unsigned version) {
    http::response<http::string_body> res{static_cast<http::status>(answer.status), version};
    res.set(http::field::server, "motcua");
    if (!answer.content_type.empty()) res.set(http::field::content_type, answer.content_type);
    res.body() = answer.body;
    res.keep_alive(keep_alive);
    res.prepare_payload();
    return res;
}

// Answers 503 and closes at once, without waiting on the client: a refused connection must
// not hold its descriptor any longer than an accepted one would. What the client already sent
// is read first, since closing a socket with unread input resets it and the 503 would be lost.
void refuse(tcp::socket socket) {
    beast::error_code ec;
    socket.non_blocking(true, ec);
    char sink[4096];
    for (std::size_t read = 0; !ec && read < refused_input_limit; read += sizeof sink) socket.read_some(asio::buffer(sink), ec);
    ec = {};
    http::write(socket, to_response(json_error(503, "too many open connections; please retry"), false, 11), ec);
    socket.shutdown(tcp::socket::shutdown_both, ec);
    socket.close(ec);
}

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
// A handler that throws gets the client a 500: the exception would otherwise leave the
// io_context's run() and end the process.
asio::awaitable<HttpAnswer> call(const Handler& handler, Request request) {
    co_return co_await asio::async_initiate<decltype(asio::use_awaitable), void(HttpAnswer)>(
        [&handler, &request](auto completion) {
            auto shared = std::make_shared<decltype(completion)>(std::move(completion));
            auto answered = std::make_shared<std::atomic<bool>>(false);
            auto respond = [shared, answered](HttpAnswer answer) {
                if (answered->exchange(true)) return;
                auto executor = asio::get_associated_executor(*shared);
                asio::post(executor, [shared, answer = std::move(answer)]() mutable {
                    (*shared)(std::move(answer));
                });
            };
            const std::string path = request.path;
            try {
                handler(std::move(request), respond);
            } catch (const std::exception& e) {
                log::error("request_failed", {{"path", path}, {"error", e.what()}});
                respond(json_error(500, "internal error"));
            } catch (...) {
                log::error("request_failed", {{"path", path}, {"error", "not a std::exception"}});
                respond(json_error(500, "internal error"));
            }
        },
        asio::use_awaitable);
}

}  // namespace

struct HttpServer::Impl : std::enable_shared_from_this<Impl> {
    Impl(asio::io_context& io, const tcp::endpoint& at, Handler h, std::size_t max_connections)
        : io(io), acceptor(asio::make_strand(io)), handler(std::move(h)), max_connections(max_connections) {
        if (max_connections == 0) throw std::invalid_argument("the HTTP server needs room for at least one connection");
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
                if (ec == asio::error::connection_aborted || ec == asio::error::connection_reset) continue;
                asio::steady_timer pause(acceptor.get_executor(), accept_pause);
                co_await pause.async_wait(asio::as_tuple(asio::use_awaitable));
                continue;
            }
            beast::error_code ignored;
            socket.set_option(tcp::no_delay(true), ignored);  // fails only on a peer already gone
            auto conn = std::make_shared<Connection>(std::move(socket));
            if (!admit(conn)) {
                refuse(std::move(conn->stream.socket()));
                continue;
            }
            auto executor = conn->stream.get_executor();
            asio::co_spawn(executor, session(conn), asio::detached);
        }
    }

    // Registers the connection if there is room, making room by closing the connection idle the
    // longest when the cap is reached. False: no room, the caller refuses it.
    bool admit(const std::shared_ptr<Connection>& conn) {
        std::lock_guard lock(mutex);
        if (connections.size() >= max_connections && !make_room()) {
            if (!at_cap.exchange(true)) log::warn("connection_cap_reached", {{"max_connections", std::to_string(max_connections)}});
            return false;
        }
        at_cap = false;
        connections.insert(conn);
        return true;
    }

    // With the mutex held, once the cap is reached counting the connections already closing:
    // true when there is room without those, or an idle connection was chosen to leave.
    bool make_room() {
        std::size_t counted = 0;
        std::shared_ptr<Connection> longest_idle;
        for (const auto& other : connections) {
            if (other->evicted) continue;
            ++counted;
            if (other->idle && (!longest_idle || other->idle_since < longest_idle->idle_since)) longest_idle = other;
        }
        if (counted < max_connections) return true;
        if (!longest_idle) return false;
        evict(longest_idle);
        return true;
    }

    // Closes on the connection's own strand, where its reads complete: if the first bytes of a
    // request arrived in the meantime, the request is served and the cap exceeded by one.
    static void evict(const std::shared_ptr<Connection>& conn) {
        conn->evicted = true;
        asio::post(conn->stream.get_executor(), [conn] {
            if (conn->idle) conn->stream.cancel();
            else conn->evicted = false;
        });
    }

    // The answer is taken by value: GCC 12 can destroy a temporary bound to a coroutine's reference
    // parameter before the coroutine has used it.
    // False when the answer could not be written: the client is gone or timed out.
    asio::awaitable<bool> write(Connection& conn, HttpAnswer answer, bool keep_alive, unsigned version,
                                bool to_head = false) {
        auto res = to_response(answer, keep_alive, version);
        // An answer to HEAD gives the body's length and no body: the client would read one as
        // the start of its next answer.
        if (to_head) res.body().clear();
        conn.stream.expires_after(write_deadline);
        auto [ec, written] = co_await http::async_write(conn.stream, res, asio::as_tuple(asio::use_awaitable));
        co_return !ec;
    }

    // Whatever ends the exchanges, even an exception, the connection is closed and its place in
    // the cap given back.
    asio::awaitable<void> session(std::shared_ptr<Connection> conn) {
        auto self = shared_from_this();
        try {
            co_await exchanges(*conn);
        } catch (const std::exception& e) {
            log::error("connection_failed", {{"error", e.what()}});
        }
        beast::error_code ignored;
        conn->stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
        conn->stream.close();
        std::lock_guard lock(mutex);
        connections.erase(conn);
    }

    asio::awaitable<void> exchanges(Connection& conn) {
        beast::flat_buffer buffer(unparsed_limit);
        while (!stopping) {
            http::request_parser<http::string_body> parser;
            parser.body_limit(body_limit);
            parser.header_limit(header_limit);
            conn.stream.expires_after(header_deadline);
            if (buffer.size() == 0) {
                const auto space = buffer.prepare(first_read_size);
                conn.idle_since = std::chrono::steady_clock::now().time_since_epoch().count();
                conn.idle = true;
                auto [first_ec, first] = co_await conn.stream.async_read_some(space, asio::as_tuple(asio::use_awaitable));
                conn.idle = false;
                if (first_ec) break;  // gone, timed out or evicted before asking anything: nothing to answer
                buffer.commit(first);
                // Chosen to leave while its first bytes were already on their way: it is served,
                // so it counts against the cap again (which it exceeds by one for now).
                conn.evicted = false;
            }
            auto [ec, n] = co_await http::async_read_header(conn.stream, buffer, parser, asio::as_tuple(asio::use_awaitable));
            if (ec == http::error::body_limit) {  // a declared Content-Length over the limit
                co_await write(conn, json_error(413, "body larger than 64 KiB"), false, 11);
                break;
            }
            if (ec) {
                if (is_malformed(ec)) co_await write(conn, json_error(400, "malformed HTTP request"), false, 11);
                break;
            }
            conn.busy = true;
            const auto declared = parser.content_length();
            if (declared && *declared > body_limit) {
                co_await write(conn, json_error(413, "body larger than 64 KiB"), false, parser.get().version());
                break;
            }
            conn.stream.expires_after(body_deadline);
            // A client that asks (curl does for larger bodies) waits for this before the body;
            // HTTP/1.0 has no interim answers, so one would be read as the final answer.
            if (parser.get().version() >= 11 && !parser.is_done() &&
                beast::iequals(parser.get()[http::field::expect], "100-continue")) {
                http::response<http::empty_body> go_on{http::status::continue_, parser.get().version()};
                auto [wec, written] = co_await http::async_write(conn.stream, go_on, asio::as_tuple(asio::use_awaitable));
                if (wec) break;
            }
            std::tie(ec, n) = co_await http::async_read(conn.stream, buffer, parser, asio::as_tuple(asio::use_awaitable));
            if (ec == http::error::body_limit) {
                co_await write(conn, json_error(413, "body larger than 64 KiB"), false, parser.get().version());
                break;
            }
            if (ec) {
                if (is_malformed(ec)) co_await write(conn, json_error(400, "malformed HTTP request"), false, 11);
                break;
            }
            auto msg = parser.release();
            const bool keep_alive = msg.keep_alive();
            const unsigned version = msg.version();
            const bool to_head = msg.method() == http::verb::head;
            conn.stream.expires_never();
            const HttpAnswer answer = co_await call(handler, to_request(std::move(msg)));
            const bool written = co_await write(conn, answer, keep_alive && !stopping, version, to_head);
            conn.busy = false;
            // Requests the client sent ahead are not served once it stopped taking answers.
            if (!written || !keep_alive) break;
        }
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
    const std::size_t max_connections;
    std::atomic<bool> stopping{false};
    std::atomic<bool> at_cap{false};  // logs the cap once per stretch of refusals
    mutable std::mutex mutex;
    std::set<std::shared_ptr<Connection>> connections;
};

HttpServer::HttpServer(asio::io_context& io, const tcp::endpoint& at, Handler handler, std::size_t max_connections)
    : impl_(std::make_shared<Impl>(io, at, std::move(handler), max_connections)) {}

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
