#pragma once
// Counters for GET /metrics (Prometheus text exposition format): what an operator graphs and
// alerts on. Updated lock-free from any thread.
#include <array>
#include <atomic>
#include <cstdint>
#include <string>

#include "adapters/message.hpp"
#include "adapters/wire.hpp"

namespace motcua::bot {

class Metrics {
public:
    // Upper bounds, in seconds, of the webhook latency histogram's buckets (+Inf implied).
    static constexpr std::array<double, 11> latency_buckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                               0.1,   0.25,   0.5,   1.0,  2.5};

    void inbound(Channel channel, std::size_t messages);
    void outbound(Channel channel, SendOutcome::Kind outcome);
    void webhook_latency(double seconds);

    // Gauges read from the store at scrape time.
    struct Gauges {
        std::int64_t outbox_pending = 0;
        std::int64_t outbox_dead = 0;
        std::int64_t escalations_open = 0;  // waiting for an officer's first answer
    };
    std::string exposition(const Gauges& gauges) const;

private:
    static constexpr std::size_t channels = 2;
    static constexpr std::size_t outcomes = 5;
    std::array<std::atomic<std::uint64_t>, channels> inbound_{};
    std::array<std::array<std::atomic<std::uint64_t>, outcomes>, channels> outbound_{};
    std::array<std::atomic<std::uint64_t>, latency_buckets.size() + 1> latency_counts_{};
    std::atomic<std::uint64_t> latency_micros_sum_{0};
};

}  // namespace motcua::bot
