#include "http.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "raw_connection.hpp"

namespace motcua::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

Response http_request(std::uint16_t port, const std::string& method, const std::string& target,
                      const std::map<std::string, std::string>& headers, const std::string& body) {
    asio::io_context io;
    beast::tcp_stream stream(io);
    stream.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
    http::request<http::string_body> req{http::string_to_verb(method), target, 11};
    req.set(http::field::host, "127.0.0.1");
    for (const auto& [k, v] : headers) req.set(k, v);
    req.body() = body;
    req.keep_alive(false);
    req.prepare_payload();
    http::write(stream, req);
    beast::flat_buffer buffer;
    http::response<http::string_body> res;
    beast::error_code ec;
    http::read(stream, buffer, res, ec);
    if (ec) return {};
    return {static_cast<int>(res.result_int()), std::string(res[http::field::content_type]), res.body()};
}

std::string raw_exchange(std::uint16_t port, const std::string& bytes, int timeout_ms) {
    // A poll-based read: a blocking socket read ignores SO_RCVTIMEO once it waits in poll().
    RawConnection connection(port);
    connection.send(bytes);
    return connection.read_until_closed(timeout_ms).received;
}

}  // namespace motcua::testing
