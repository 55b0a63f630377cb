#include "eventually.hpp"

#include <exception>
#include <thread>

#include "http.hpp"

namespace motcua::testing {

bool eventually(const std::function<bool()>& condition, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        if (condition()) return true;
        if (std::chrono::steady_clock::now() >= deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

std::optional<double> metric(std::uint16_t port, const std::string& series) {
    Response answer;
    try {
        answer = http_request(port, "GET", "/metrics");
    } catch (const std::exception&) {
        return std::nullopt;
    }
    if (answer.status != 200) return std::nullopt;
    const std::string key = series + " ";
    for (auto at = answer.body.find(key); at != std::string::npos; at = answer.body.find(key, at + 1)) {
        if (at != 0 && answer.body[at - 1] != '\n') continue;
        return std::stod(answer.body.substr(at + key.size()));
    }
    return std::nullopt;
}

}  // namespace motcua::testing
