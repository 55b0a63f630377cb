#pragma once
// What the kernel knows of a server's connections (/proc/net/tcp), for tests that must know the
// server has taken in what a client sent before they go on.
#include <cstdint>
#include <cstddef>

namespace motcua::testing {

// The server listening on `port` (on 127.0.0.1) holds exactly `count` connections and has read
// all that their clients sent. Connections still in the kernel's accept queue are not held yet.
bool holds_and_has_read(std::uint16_t port, std::size_t count);

}  // namespace motcua::testing
