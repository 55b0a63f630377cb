#include "http.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>

#include "raw_connection.hpp"

namespace motcua::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

// A server that takes a request and never answers fails the call after this long, instead of
// holding the test until ctest's timeout kills the run without a word.
constexpr auto exchange_deadline = std::chrono::seconds(120);

// Runs the loop until the operation started on it ends; throws what it failed with.
void complete(asio::io_context& io, const beast::error_code& ec) {
    io.run();
    io.restart();
    if (ec) throw beast::system_error(ec);
}

}  // namespace

Response http_request(std::uint16_t port, const std::string& method, const std::string& target,
                      const std::map<std::string, std::string>& headers, const std::string& body) {
    asio::io_context io;
    beast::tcp_stream stream(io);
    stream.expires_after(exchange_deadline);
    beast::error_code ec;
    const auto done = [&ec](beast::error_code e, auto...) { ec = e; };
    stream.async_connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port), done);
    complete(io, ec);
    http::request<http::string_body> req{http::string_to_verb(method), target, 11};
    req.set(http::field::host, "127.0.0.1");
    for (const auto& [k, v] : headers) req.set(k, v);
    req.body() = body;
    req.keep_alive(false);
    req.prepare_payload();
    http::async_write(stream, req, done);
    complete(io, ec);
    beast::flat_buffer buffer;
    http::response<http::string_body> res;
    http::async_read(stream, buffer, res, done);
    try {
        complete(io, ec);
    } catch (const beast::system_error&) {
        return {};
    }
    return {static_cast<int>(res.result_int()), std::string(res[http::field::content_type]), res.body()};
}

std::string raw_exchange(std::uint16_t port, const std::string& bytes, int timeout_ms) {
    // A poll-based read: a blocking socket read ignores SO_RCVTIMEO once it waits in poll().
    RawConnection connection(port);
    connection.send(bytes);
    return connection.read_until_closed(timeout_ms).received;
}

}  // namespace motcua::testing
