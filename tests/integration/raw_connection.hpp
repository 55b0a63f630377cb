#pragma once
// A bare TCP connection to the server, for clients that misbehave on purpose: connect and say
// nothing, send half a request, keep a connection open after its answer.
#include <cstdint>
#include <string>

namespace motcua::testing {

class RawConnection {
public:
    explicit RawConnection(std::uint16_t port);  // throws std::runtime_error when refused
    ~RawConnection();
    RawConnection(RawConnection&& other) noexcept;
    RawConnection& operator=(RawConnection&&) = delete;
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    void send(const std::string& bytes);  // throws std::runtime_error when the server has gone
    // One HTTP response, read up to the end of its Content-Length; "" when none came in time.
    std::string read_response(int timeout_ms = 10'000);
    // Reads until the server closes the connection: what came, and whether it did close in
    // time (rather than the wait timing out).
    struct Ending {
        std::string received;
        bool closed = false;
    };
    Ending read_until_closed(int timeout_ms = 10'000);
    void close();

private:
    int fd_ = -1;
    std::string pending_;  // received beyond the last response read
};

}  // namespace motcua::testing
