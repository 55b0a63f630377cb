// The HTTP server on its own, with handlers written for the test: what a hostile client or a
// failing handler can do to it.
#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <stdexcept>
#include <string>
#include <thread>

#include "bot/http_server.hpp"
#include "eventually.hpp"
#include "raw_connection.hpp"

namespace motcua::testing {
namespace {

namespace asio = boost::asio;

class HttpServerAlone : public ::testing::Test {
protected:
    // "/throws" throws before answering; every other path answers 200 with its body's size.
    void SetUp() override {
        server = std::make_unique<bot::HttpServer>(
            io, asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0),
            [](bot::Request request, bot::Respond respond) {
                if (request.path == "/throws") throw std::runtime_error("the handler failed");
                respond({200, "text/plain", std::to_string(request.body.size())});
            });
        server->start();
        thread = std::thread([this] { io.run(); });
    }
    void TearDown() override {
        server->stop();
        io.stop();
        thread.join();
    }
    std::uint16_t port() const { return server->local_endpoint().port(); }

    asio::io_context io;
    std::unique_ptr<bot::HttpServer> server;
    std::thread thread;
};

const std::string chunked_head =
    "POST /webhook/sms HTTP/1.1\r\nHost: bot\r\nTransfer-Encoding: chunked\r\n\r\n";

TEST_F(HttpServerAlone, AHandlerThatThrowsIsA500AndTheServerGoesOn) {
    RawConnection client(port());
    client.send("GET /throws HTTP/1.1\r\nHost: bot\r\n\r\n");
    const std::string answer = client.read_response();
    EXPECT_EQ(answer.rfind("HTTP/1.1 500", 0), 0u) << answer;
    EXPECT_NE(answer.find(R"({"error":)"), std::string::npos) << answer;
    // The same connection, and the server, still serve.
    client.send("POST /echo HTTP/1.1\r\nHost: bot\r\nContent-Length: 3\r\n\r\nabc");
    EXPECT_EQ(client.read_response().rfind("HTTP/1.1 200", 0), 0u);
    RawConnection another(port());
    another.send("GET /healthz HTTP/1.1\r\nHost: bot\r\n\r\n");
    EXPECT_EQ(another.read_response().rfind("HTTP/1.1 200", 0), 0u);
}

TEST_F(HttpServerAlone, AnAnswerToHeadHasItsLengthButNoBody) {
    RawConnection client(port());
    client.send("HEAD /echo HTTP/1.1\r\nHost: bot\r\n\r\nPOST /echo HTTP/1.1\r\nHost: bot\r\nContent-Length: 2\r\n\r\nab");
    const auto ending = client.read_until_closed(1'000);  // both answers, and the connection kept
    EXPECT_FALSE(ending.closed);
    EXPECT_EQ(ending.received.rfind("HTTP/1.1 200", 0), 0u) << ending.received;
    EXPECT_NE(ending.received.find("Content-Length: 1\r\n\r\nHTTP/1.1 200"), std::string::npos) << ending.received;
    EXPECT_EQ(ending.received.substr(ending.received.size() - 3), "\r\n2") << ending.received;
}

TEST_F(HttpServerAlone, AChunkedBodyIsServed) {
    RawConnection client(port());
    client.send(chunked_head + "3;name=value\r\nabc\r\n2\r\nde\r\n0\r\n\r\n");
    const std::string answer = client.read_response();
    EXPECT_EQ(answer.rfind("HTTP/1.1 200", 0), 0u) << answer;
    EXPECT_EQ(answer.substr(answer.size() - 1), "5") << answer;
}

TEST_F(HttpServerAlone, AClientThatExpects100ContinueIsToldToGoOn) {
    RawConnection client(port());
    client.send("POST /echo HTTP/1.1\r\nHost: bot\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n");
    EXPECT_EQ(client.read_response(5'000).rfind("HTTP/1.1 100 Continue\r\n", 0), 0u);
    client.send("abc");
    const std::string answer = client.read_response();
    EXPECT_EQ(answer.rfind("HTTP/1.1 200", 0), 0u) << answer;
    EXPECT_EQ(answer.substr(answer.size() - 1), "3") << answer;
}

TEST_F(HttpServerAlone, AnHttp10ClientGetsNoInterimAnswer) {
    RawConnection client(port());
    client.send("POST /echo HTTP/1.0\r\nHost: bot\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n");
    EXPECT_EQ(client.read_response(300), "");
    client.send("abc");
    EXPECT_EQ(client.read_response().rfind("HTTP/1.0 200", 0), 0u);
}

// Sends `filler` until the server closes the connection, up to 1 MiB: true when it did close.
bool refuses_before_a_mebibyte(RawConnection& client, const std::string& filler) {
    for (std::size_t sent = 0; sent < (1u << 20); sent += filler.size()) {
        try {
            client.send(filler);
        } catch (const std::runtime_error&) {
            return true;  // the server closed the connection
        }
    }
    return client.read_until_closed(5'000).closed;
}

// Beast limits headers and body data but not a chunk's header line or the trailers: the
// server's own limit on unparsed input ends such a request long before its 30 s body deadline.
TEST_F(HttpServerAlone, AnEndlessChunkHeaderIsRefusedNotKeptInMemory) {
    RawConnection client(port());
    client.send(chunked_head + "1;");
    EXPECT_TRUE(refuses_before_a_mebibyte(client, std::string(4096, 'a')));
    EXPECT_TRUE(eventually([&] { return server->open_connections() == 0; }));
}

TEST_F(HttpServerAlone, EndlessTrailersAreRefusedNotKeptInMemory) {
    RawConnection client(port());
    client.send(chunked_head + "3\r\nabc\r\n0\r\nX-Trailer: ");
    EXPECT_TRUE(refuses_before_a_mebibyte(client, std::string(4096, 'b')));
}

}  // namespace
}  // namespace motcua::testing
