#pragma once
// The smallest keep-alive HTTP/1.1 server Boost.Beast allows, shared by the two benchmark
// servers: the do-nothing ceiling and the gateway sink. It does no more than they need, so
// that what it costs is the floor any webhook server on the machine pays.
#include <functional>
#include <string>

namespace motcua::bench {

struct PlainRequest {
    std::string method;
    std::string target;
    std::string body;
};

struct PlainAnswer {
    unsigned status = 200;
    std::string content_type;
    std::string body;
};

using PlainHandler = std::function<PlainAnswer(const PlainRequest&)>;

// Listens on host:port (port 0 picks one), prints "listening on HOST:PORT", and serves on
// `threads` threads until SIGINT or SIGTERM. The handler runs on any of them at once.
int serve_plain_http(const std::string& host, unsigned short port, unsigned threads, PlainHandler handler);

// The command line both servers take: [--listen HOST:PORT] [--threads N].
int serve_plain_http_from_args(int argc, char** argv, PlainHandler handler);

}  // namespace motcua::bench
