#include <gtest/gtest.h>

#include <atomic>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <sstream>
#include <thread>

#include "bot/http_client.hpp"

namespace motcua::bot {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

// A gateway on loopback that answers every request 200 and counts the connections it accepts.
// With `drop_idle`, it closes each connection right after answering without saying so, as a
// gateway does with a keep-alive connection left idle past its timeout. `before` and `after`
// are raw bytes it sends ahead of each answer and behind it.
class CountingGateway {
public:
    explicit CountingGateway(bool drop_idle, std::string before = "", std::string after = "")
        : drop_idle_(drop_idle), before_(std::move(before)), after_(std::move(after)) {
        asio::co_spawn(io_, accept(), asio::detached);
        thread_ = std::thread([this] { io_.run(); });
    }
    ~CountingGateway() {
        io_.stop();
        thread_.join();
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(acceptor_.local_endpoint().port()) + "/send"; }
    int connections() const { return connections_; }

private:
    asio::awaitable<void> accept() {
        for (;;) {
            auto [ec, socket] = co_await acceptor_.async_accept(asio::as_tuple(asio::use_awaitable));
            if (ec) co_return;
            ++connections_;
            asio::co_spawn(io_, serve(std::move(socket)), asio::detached);
        }
    }

    asio::awaitable<void> serve(tcp::socket socket) {
        beast::flat_buffer buffer;
        for (;;) {
            http::request<http::string_body> request;
            auto [ec, n] = co_await http::async_read(socket, buffer, request, asio::as_tuple(asio::use_awaitable));
            if (ec) co_return;
            http::response<http::string_body> response{http::status::ok, 11};
            response.body() = "ok " + request.body();
            response.keep_alive(true);
            response.prepare_payload();
            std::ostringstream wire;
            wire << before_ << response << after_;
            auto [wec, written] = co_await asio::async_write(socket, asio::buffer(wire.str()), asio::as_tuple(asio::use_awaitable));
            if (wec || drop_idle_) co_return;
        }
    }

    const bool drop_idle_;
    const std::string before_;
    const std::string after_;
    asio::io_context io_;
    tcp::acceptor acceptor_{io_, {asio::ip::make_address("127.0.0.1"), 0}};
    std::atomic<int> connections_{0};
    std::thread thread_;
};

// A client on its own loop, which runs for one call at a time; its kept connections stay on it.
struct Caller {
    HttpReply perform(const HttpCall& call) {
        io.restart();
        auto reply = asio::co_spawn(io, client.perform(call), asio::use_future);
        io.run();
        return reply.get();
    }
    asio::io_context io;
    HttpClient client{io};
};

TEST(HttpClient, ReusesOneConnectionForSuccessiveCalls) {
    CountingGateway gateway(false);
    Caller caller;
    for (const char* body : {"1", "2", "3"}) {
        const auto reply = caller.perform({"POST", gateway.url(), {}, body});
        EXPECT_EQ(reply.status, 200);
        EXPECT_EQ(reply.body, std::string("ok ") + body);
    }
    EXPECT_EQ(gateway.connections(), 1);
}

TEST(HttpClient, ACallOnAConnectionTheGatewayClosedGoesOutOnANewOne) {
    CountingGateway gateway(true);
    Caller caller;
    EXPECT_EQ(caller.perform({"POST", gateway.url(), {}, "1"}).status, 200);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));  // the gateway's close arrives
    const auto reply = caller.perform({"POST", gateway.url(), {}, "2"});
    EXPECT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(reply.body, "ok 2");
    EXPECT_EQ(gateway.connections(), 2);
}

TEST(HttpClient, InterimAnswersAreSkippedAndEachCallGetsItsOwnAnswer) {
    CountingGateway gateway(false, "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n");
    Caller caller;
    for (const char* body : {"1", "2", "3"}) {
        const auto reply = caller.perform({"POST", gateway.url(), {}, body});
        EXPECT_EQ(reply.status, 200) << body;
        EXPECT_EQ(reply.body, std::string("ok ") + body);
    }
    EXPECT_EQ(gateway.connections(), 1);
}

TEST(HttpClient, BytesAfterAnAnswerRetireTheConnection) {
    // An answer longer than its Content-Length: what follows it answers no call.
    CountingGateway gateway(false, "", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nstale");
    Caller caller;
    for (const char* body : {"1", "2"}) {
        const auto reply = caller.perform({"POST", gateway.url(), {}, body});
        EXPECT_EQ(reply.status, 200) << body;
        EXPECT_EQ(reply.body, std::string("ok ") + body);
    }
    EXPECT_EQ(gateway.connections(), 2);
}

// A gateway whose answer never ends, in a part of it that no limit of the HTTP parser covers
// (a chunk extension), up to `bytes` and then closing.
class EndlessGateway {
public:
    explicit EndlessGateway(std::size_t bytes) : bytes_(bytes) {
        asio::co_spawn(io_, serve(), asio::detached);
        thread_ = std::thread([this] { io_.run(); });
    }
    ~EndlessGateway() {
        io_.stop();
        thread_.join();
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(acceptor_.local_endpoint().port()) + "/send"; }

private:
    asio::awaitable<void> serve() {
        auto [ec, socket] = co_await acceptor_.async_accept(asio::as_tuple(asio::use_awaitable));
        if (ec) co_return;
        beast::flat_buffer buffer;
        http::request<http::string_body> request;
        auto [rec, n] = co_await http::async_read(socket, buffer, request, asio::as_tuple(asio::use_awaitable));
        if (rec) co_return;
        std::string wire = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1;";
        const std::string more(64 * 1024, 'a');
        for (std::size_t sent = 0; sent < bytes_; sent += wire.size(), wire = more) {
            auto [wec, w] = co_await asio::async_write(socket, asio::buffer(wire), asio::as_tuple(asio::use_awaitable));
            if (wec) co_return;
        }
    }

    const std::size_t bytes_;
    asio::io_context io_;
    tcp::acceptor acceptor_{io_, {asio::ip::make_address("127.0.0.1"), 0}};
    std::thread thread_;
};

// Read whole, such an answer would grow the process until it is killed; the call gives up once
// the unread bytes fill the connection's buffer.
TEST(HttpClient, AnAnswerThatNeverEndsFailsTheCallInsteadOfFillingMemory) {
    EndlessGateway gateway(64 * 1024 * 1024);
    Caller caller;
    const auto reply = caller.perform({"POST", gateway.url(), {}, "x"});
    EXPECT_EQ(reply.status, 0);
    EXPECT_NE(reply.body.find("buffer overflow"), std::string::npos) << reply.body;
}

// The bound is on bytes read and not yet parsed: an answer's body, however long its parser
// allows, passes through.
TEST(HttpClient, ALongAnswerIsReadWhole) {
    CountingGateway gateway(false);
    Caller caller;
    const std::string body(900 * 1024, 'x');
    const auto reply = caller.perform({"POST", gateway.url(), {}, body});
    EXPECT_EQ(reply.status, 200);
    EXPECT_EQ(reply.body, "ok " + body);
}

TEST(HttpClient, AGatewayThatCannotBeReachedIsAFailureNotAnException) {
    Caller caller;
    const auto reply = caller.perform({"POST", "http://127.0.0.1:1/send", {}, "x"});
    EXPECT_EQ(reply.status, 0);
    EXPECT_NE(reply.body.find("connect"), std::string::npos) << reply.body;
    EXPECT_EQ(caller.perform({"POST", "ftp://example.com/", {}, "x"}).status, 0);
}

}  // namespace
}  // namespace motcua::bot
