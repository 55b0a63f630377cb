#include "fake_gateway.hpp"

#include <atomic>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <chrono>
#include <condition_variable>
#include <thread>

namespace motcua::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

// Twilio's answer to a message it took.
HttpReply queued(const RecordedRequest&, std::size_t i) {
    return HttpReply{201, R"({"sid":"SM)" + std::to_string(i) + R"(","status":"queued"})"};
}

}  // namespace

struct FakeGateway::Impl {
    asio::io_context io;
    std::unique_ptr<asio::ssl::context> tls;  // null: plain HTTP
    tcp::acceptor acceptor{io, {asio::ip::make_address("127.0.0.1"), 0}};
    mutable std::mutex mutex;
    mutable std::condition_variable arrived;
    std::vector<RecordedRequest> requests;
    Responder responder = queued;
    std::atomic<bool> drop_after_answer{false};
    std::thread thread;

    template <class Stream>
    asio::awaitable<void> serve(Stream& stream) {
        beast::flat_buffer buffer;
        for (;;) {
            http::request<http::string_body> req;
            auto [ec, n] = co_await http::async_read(stream, buffer, req, asio::as_tuple(asio::use_awaitable));
            if (ec) co_return;
            RecordedRequest r{std::string(req.method_string()), std::string(req.target()), {}, req.body()};
            for (const auto& f : req) {
                std::string name(f.name_string());
                for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                r.headers[name] = std::string(f.value());
            }
            HttpReply reply;
            {
                std::lock_guard lock(mutex);
                requests.push_back(r);
                reply = responder(r, requests.size() - 1);
                arrived.notify_all();
            }
            http::response<http::string_body> res{static_cast<http::status>(reply.status), 11};
            res.set(http::field::content_type, "application/json");
            res.body() = reply.body;
            res.keep_alive(req.keep_alive());
            res.prepare_payload();
            auto [wec, w] = co_await http::async_write(stream, res, asio::as_tuple(asio::use_awaitable));
            // Returning closes the socket under the TLS stream without a close_notify.
            if (wec || !req.keep_alive() || drop_after_answer) co_return;
        }
    }

    asio::awaitable<void> connection(tcp::socket socket) {
        if (!tls) {
            beast::tcp_stream stream(std::move(socket));
            co_await serve(stream);
            co_return;
        }
        beast::ssl_stream<beast::tcp_stream> stream(std::move(socket), *tls);
        auto [ec] = co_await stream.async_handshake(asio::ssl::stream_base::server, asio::as_tuple(asio::use_awaitable));
        if (!ec) co_await serve(stream);
    }

    asio::awaitable<void> accept() {
        for (;;) {
            auto [ec, socket] = co_await acceptor.async_accept(asio::as_tuple(asio::use_awaitable));
            if (ec) co_return;
            asio::co_spawn(io, connection(std::move(socket)), asio::detached);
        }
    }
};

FakeGateway::FakeGateway() : impl_(std::make_unique<Impl>()) {
    asio::co_spawn(impl_->io, impl_->accept(), asio::detached);
    impl_->thread = std::thread([this] { impl_->io.run(); });
}

FakeGateway::FakeGateway(const std::string& certificate_file, const std::string& key_file)
    : impl_(std::make_unique<Impl>()) {
    impl_->tls = std::make_unique<asio::ssl::context>(asio::ssl::context::tls_server);
    impl_->tls->use_certificate_chain_file(certificate_file);
    impl_->tls->use_private_key_file(key_file, asio::ssl::context::pem);
    asio::co_spawn(impl_->io, impl_->accept(), asio::detached);
    impl_->thread = std::thread([this] { impl_->io.run(); });
}

FakeGateway::~FakeGateway() {
    impl_->io.stop();
    impl_->thread.join();
}

std::uint16_t FakeGateway::port() const { return impl_->acceptor.local_endpoint().port(); }

std::string FakeGateway::base_url() const {
    return (impl_->tls ? "https://127.0.0.1:" : "http://127.0.0.1:") + std::to_string(port());
}

void FakeGateway::respond_with(Responder responder) {
    std::lock_guard lock(impl_->mutex);
    impl_->responder = std::move(responder);
}

FakeGateway::Scope FakeGateway::respond_in_scope(Responder responder) {
    respond_with(std::move(responder));
    return Scope(*this);
}

void FakeGateway::respond_by_default() { respond_with(queued); }

void FakeGateway::drop_connections_after_answering() { impl_->drop_after_answer = true; }

std::vector<RecordedRequest> FakeGateway::requests() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->requests;
}

bool FakeGateway::wait_for(std::size_t n, int timeout_ms) const {
    std::unique_lock lock(impl_->mutex);
    return impl_->arrived.wait_for(lock, std::chrono::milliseconds(timeout_ms),
                                   [&] { return impl_->requests.size() >= n; });
}

}  // namespace motcua::testing
