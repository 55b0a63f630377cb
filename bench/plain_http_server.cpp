#include "bench/plain_http_server.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <iostream>
#include <thread>
#include <vector>

namespace motcua::bench {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

asio::awaitable<void> session(tcp::socket socket, const PlainHandler& handler) {
    beast::flat_buffer buffer;
    for (;;) {
        http::request<http::string_body> req;
        auto [rec, read] = co_await http::async_read(socket, buffer, req, asio::as_tuple(asio::use_awaitable));
        if (rec) break;
        const PlainAnswer answer =
            handler({std::string(req.method_string()), std::string(req.target()), std::move(req.body())});
        http::response<http::string_body> res{static_cast<http::status>(answer.status), req.version()};
        if (!answer.content_type.empty()) res.set(http::field::content_type, answer.content_type);
        res.body() = answer.body;
        res.keep_alive(req.keep_alive());
        res.prepare_payload();
        auto [wec, written] = co_await http::async_write(socket, res, asio::as_tuple(asio::use_awaitable));
        if (wec || !req.keep_alive()) break;
    }
    beast::error_code ignored;
    socket.shutdown(tcp::socket::shutdown_both, ignored);
}

asio::awaitable<void> accept_loop(asio::io_context& io, tcp::acceptor& acceptor, const PlainHandler& handler) {
    for (;;) {
        auto [ec, socket] = co_await acceptor.async_accept(asio::make_strand(io), asio::as_tuple(asio::use_awaitable));
        if (ec == asio::error::operation_aborted) co_return;
        if (ec) continue;
        socket.set_option(tcp::no_delay(true));
        auto executor = socket.get_executor();
        asio::co_spawn(executor, session(std::move(socket), handler), asio::detached);
    }
}

}  // namespace

int serve_plain_http(const std::string& host, unsigned short port, unsigned threads, PlainHandler handler) {
    asio::io_context io(static_cast<int>(threads));
    tcp::acceptor acceptor(io);
    try {
        const tcp::endpoint at(asio::ip::make_address(host), port);
        acceptor.open(at.protocol());
        acceptor.set_option(asio::socket_base::reuse_address(true));
        acceptor.bind(at);
        acceptor.listen(asio::socket_base::max_listen_connections);
    } catch (const std::exception& e) {
        std::cerr << "cannot listen on " << host << ":" << port << ": " << e.what() << "\n";
        return 1;
    }
    const auto bound = acceptor.local_endpoint();
    std::cout << "listening on " << bound.address().to_string() << ":" << bound.port() << std::endl;
    asio::signal_set signals(io, SIGINT, SIGTERM);
    signals.async_wait([&io](const boost::system::error_code&, int) { io.stop(); });
    asio::co_spawn(io, accept_loop(io, acceptor, handler), asio::detached);
    std::vector<std::thread> pool;
    for (unsigned i = 1; i < threads; ++i) pool.emplace_back([&io] { io.run(); });
    io.run();
    for (auto& t : pool) t.join();
    return 0;
}

int serve_plain_http_from_args(int argc, char** argv, PlainHandler handler) {
    std::string listen = "127.0.0.1:0";
    unsigned threads = std::max(2u, std::thread::hardware_concurrency());
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--listen" && i + 1 < argc) {
            listen = argv[++i];
        } else if (arg == "--threads" && i + 1 < argc) {
            try {
                threads = static_cast<unsigned>(std::stoul(argv[++i]));
            } catch (const std::exception&) {
                threads = 0;
            }
            if (threads == 0 || threads > 256) {
                std::cerr << "--threads: must be a number from 1 to 256\n";
                return 2;
            }
        } else {
            std::cerr << "usage: " << argv[0] << " [--listen HOST:PORT] [--threads N]\n";
            return 2;
        }
    }
    const auto colon = listen.rfind(':');
    unsigned long port = 0;
    try {
        if (colon == std::string::npos) throw std::invalid_argument("no port");
        port = std::stoul(listen.substr(colon + 1));
        if (port > 65535) throw std::out_of_range("port");
    } catch (const std::exception&) {
        std::cerr << "--listen: expected HOST:PORT, got " << listen << "\n";
        return 2;
    }
    return serve_plain_http(listen.substr(0, colon), static_cast<unsigned short>(port), threads, std::move(handler));
}

}  // namespace motcua::bench
