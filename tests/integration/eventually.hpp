#pragma once
// Waiting for a server to settle without assuming how fast the machine is: poll a condition
// under a generous deadline, and read what the server says about itself on /metrics.
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace motcua::testing {

// Polls the condition until it holds (true) or the timeout passes (false).
bool eventually(const std::function<bool()>& condition, std::chrono::milliseconds timeout = std::chrono::seconds(30));

// The value of one series of GET /metrics, e.g. "motcua_outbox_pending"; nothing when the
// server does not answer or has no such series.
std::optional<double> metric(std::uint16_t port, const std::string& series);

}  // namespace motcua::testing
