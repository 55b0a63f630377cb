#include "raw_connection.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <stdexcept>
#include <utility>

namespace motcua::testing {
namespace {

using Clock = std::chrono::steady_clock;

int milliseconds_until(Clock::time_point deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    return left > 0 ? static_cast<int>(left) : 0;
}

// The length of the first complete response in text, or 0 while it is incomplete.
std::size_t complete_response(const std::string& text) {
    const auto end_of_headers = text.find("\r\n\r\n");
    if (end_of_headers == std::string::npos) return 0;
    std::size_t length = 0;
    const auto header = text.find("Content-Length: ");
    if (header != std::string::npos && header < end_of_headers) length = std::stoul(text.substr(header + 16));
    const auto total = end_of_headers + 4 + length;
    return text.size() >= total ? total : 0;
}

}  // namespace

RawConnection::RawConnection(std::uint16_t port) : fd_(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)) {
    if (fd_ < 0) throw std::runtime_error(std::string("socket: ") + std::strerror(errno));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
        const std::string error = std::strerror(errno);
        ::close(fd_);
        throw std::runtime_error("connect: " + error);
    }
}

RawConnection::~RawConnection() { close(); }

RawConnection::RawConnection(RawConnection&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), pending_(std::move(other.pending_)) {}

void RawConnection::send(const std::string& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        const auto n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n < 0) throw std::runtime_error(std::string("send: ") + std::strerror(errno));
        sent += static_cast<std::size_t>(n);
    }
}

std::string RawConnection::read_response(int timeout_ms) {
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
    while (complete_response(pending_) == 0) {
        pollfd p{fd_, POLLIN, 0};
        if (::poll(&p, 1, milliseconds_until(deadline)) <= 0) return "";
        char buffer[4096];
        const auto n = ::recv(fd_, buffer, sizeof buffer, 0);
        if (n <= 0) return "";
        pending_.append(buffer, static_cast<std::size_t>(n));
    }
    const auto length = complete_response(pending_);
    auto response = pending_.substr(0, length);
    pending_.erase(0, length);
    return response;
}

RawConnection::Ending RawConnection::read_until_closed(int timeout_ms) {
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
    Ending ending{std::exchange(pending_, ""), false};
    for (;;) {
        pollfd p{fd_, POLLIN, 0};
        if (::poll(&p, 1, milliseconds_until(deadline)) <= 0) return ending;
        char buffer[4096];
        const auto n = ::recv(fd_, buffer, sizeof buffer, 0);
        if (n <= 0) {
            ending.closed = true;  // an orderly close or a reset: either way the server let go
            return ending;
        }
        ending.received.append(buffer, static_cast<std::size_t>(n));
    }
}

void RawConnection::close() {
    if (fd_ >= 0) ::close(std::exchange(fd_, -1));
}

}  // namespace motcua::testing
