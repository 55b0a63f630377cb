#include "bot/http_client.hpp"

#include <openssl/ssl.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <regex>

namespace motcua::bot {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

std::optional<Url> parse_url(const std::string& url) {
    static const std::regex form(R"(^(https?)://(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::([0-9]{1,5}))?(/[^\s]*)?$)");
    std::smatch m;
    if (!std::regex_match(url, m, form)) return std::nullopt;
    Url u;
    u.tls = m[1] == "https";
    u.host = m[2];
    if (u.host.front() == '[') u.host = u.host.substr(1, u.host.size() - 2);
    u.port = m[3].matched ? std::string(m[3]) : (u.tls ? "443" : "80");
    u.target = m[4].matched ? std::string(m[4]) : "/";
    return u;
}

HttpClient::HttpClient(std::chrono::milliseconds deadline)
    : deadline_(deadline), tls_(asio::ssl::context::tls_client) {
    tls_.set_default_verify_paths();
    tls_.set_verify_mode(asio::ssl::verify_peer);
}

namespace {

HttpReply failure(const std::string& what, const beast::error_code& ec) {
    return {0, what + ": " + ec.message()};
}

http::request<http::string_body> to_message(const HttpCall& call, const Url& url) {
    http::request<http::string_body> req{http::string_to_verb(call.method), url.target, 11};
    req.set(http::field::host, url.host);
    req.set(http::field::user_agent, "motcua");
    for (const auto& [name, value] : call.headers) req.set(name, value);
    req.body() = call.body;
    req.keep_alive(false);
    req.prepare_payload();
    return req;
}

template <class Stream>
asio::awaitable<HttpReply> exchange(Stream& stream, http::request<http::string_body>& req) {
    auto [wec, written] = co_await http::async_write(stream, req, asio::as_tuple(asio::use_awaitable));
    if (wec) co_return failure("send", wec);
    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(1024 * 1024);
    auto [rec, read] = co_await http::async_read(stream, buffer, parser, asio::as_tuple(asio::use_awaitable));
    if (rec) co_return failure("receive", rec);
    co_return HttpReply{static_cast<int>(parser.get().result_int()), parser.get().body()};
}

}  // namespace

asio::awaitable<HttpReply> HttpClient::perform(const HttpCall& call) {
    const auto url = parse_url(call.url);
    if (!url) co_return HttpReply{0, "not an http(s) URL: " + call.url};
    auto executor = co_await asio::this_coro::executor;
    auto req = to_message(call, *url);

    tcp::resolver resolver(executor);
    auto [ec, endpoints] = co_await resolver.async_resolve(url->host, url->port, asio::as_tuple(asio::use_awaitable));
    if (ec) co_return failure("resolve " + url->host, ec);

    if (!url->tls) {
        beast::tcp_stream stream(executor);
        stream.expires_after(deadline_);
        auto [cec, ep] = co_await stream.async_connect(endpoints, asio::as_tuple(asio::use_awaitable));
        if (cec) co_return failure("connect", cec);
        auto reply = co_await exchange(stream, req);
        beast::error_code ignored;
        stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
        co_return reply;
    }

    beast::ssl_stream<beast::tcp_stream> stream(executor, tls_);
    if (!SSL_set_tlsext_host_name(stream.native_handle(), url->host.c_str()))
        co_return HttpReply{0, "cannot set TLS server name"};
    stream.set_verify_callback(asio::ssl::host_name_verification(url->host));
    beast::get_lowest_layer(stream).expires_after(deadline_);
    auto [cec, ep] = co_await beast::get_lowest_layer(stream).async_connect(endpoints, asio::as_tuple(asio::use_awaitable));
    if (cec) co_return failure("connect", cec);
    auto [hec] = co_await stream.async_handshake(asio::ssl::stream_base::client, asio::as_tuple(asio::use_awaitable));
    if (hec) co_return failure("TLS handshake", hec);
    auto reply = co_await exchange(stream, req);
    co_await stream.async_shutdown(asio::as_tuple(asio::use_awaitable));
    co_return reply;
}

}  // namespace motcua::bot
