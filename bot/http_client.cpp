#include "bot/http_client.hpp"

#include <boost/beast/http/field.hpp>
#include <boost/beast/http/verb.hpp>

namespace motcua::bot {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using namespace std::chrono_literals;

namespace {

// Gateways close keep-alive connections they have not heard on for a while; one idle this long
// is likelier closed than not, and opening anew is cheaper than a failed send.
constexpr auto idle_lifetime = 30s;
// As many as the dispatcher sends at once (its max_in_flight), so a burst reuses them all.
constexpr std::size_t idle_per_origin = 32;

GatewayConnection::Request to_message(const HttpCall& call, const Url& url) {
    GatewayConnection::Request req{http::string_to_verb(call.method), url.target, 11};
    req.set(http::field::host, url.host);
    req.set(http::field::user_agent, "motcua");
    for (const auto& [name, value] : call.headers) req.set(name, value);
    req.body() = call.body;
    req.keep_alive(true);
    req.prepare_payload();
    return req;
}

}  // namespace

HttpClient::HttpClient(asio::io_context& io, std::chrono::milliseconds deadline)
    : io_(io), deadline_(deadline), tls_(asio::ssl::context::tls_client) {
    tls_.set_default_verify_paths();
    tls_.set_verify_mode(asio::ssl::verify_peer);
}

HttpClient::~HttpClient() = default;

std::unique_ptr<GatewayConnection> HttpClient::take_idle(const std::string& origin) {
    std::lock_guard lock(mutex_);
    auto& idle = idle_[origin];
    const auto now = std::chrono::steady_clock::now();
    while (!idle.empty()) {
        auto connection = std::move(idle.back());
        idle.pop_back();
        if (now - connection->last_used < idle_lifetime) return connection;
    }
    return nullptr;
}

void HttpClient::keep_idle(const std::string& origin, std::unique_ptr<GatewayConnection> connection) {
    std::lock_guard lock(mutex_);
    auto& idle = idle_[origin];
    if (idle.size() < idle_per_origin) idle.push_back(std::move(connection));
}

asio::awaitable<HttpReply> HttpClient::perform(const HttpCall& call) {
    const auto url = parse_url(call.url);
    if (!url) co_return HttpReply{0, "not an http(s) URL: " + call.url};
    const auto origin = url->origin();
    auto connection = take_idle(origin);
    const bool reused = connection != nullptr;
    if (!connection) {
        auto opened = co_await GatewayConnection::open(io_, *url, tls_, deadline_);
        if (!opened.connection) co_return opened.failure;
        connection = std::move(opened.connection);
    }
    auto result = co_await connection->exchange(to_message(call, *url), deadline_);
    if (reused && result.peer_closed && !result.answered) {
        // The gateway closed this connection while it sat idle, without answering: the request
        // is sent again on a new connection rather than failed.
        auto opened = co_await GatewayConnection::open(io_, *url, tls_, deadline_);
        if (!opened.connection) co_return opened.failure;
        connection = std::move(opened.connection);
        result = co_await connection->exchange(to_message(call, *url), deadline_);
    }
    if (result.reusable) keep_idle(origin, std::move(connection));
    co_return result.reply;
}

}  // namespace motcua::bot
