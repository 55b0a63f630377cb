#include "bot/retry_policy.hpp"

#include <algorithm>
#include <cmath>

namespace motcua::bot {

double RetryPolicy::delay_after(int attempts) const {
    // Capping the exponent keeps pow() finite for items that failed thousands of times.
    const int doublings = std::clamp(attempts - 1, 0, 62);
    return std::min(max_s, initial_s * std::pow(2.0, doublings));
}

std::optional<std::int64_t> RetryPolicy::next_attempt_ms(std::int64_t created_at_ms, int attempts,
                                                          std::int64_t now_ms) const {
    const auto next = now_ms + static_cast<std::int64_t>(std::llround(delay_after(attempts) * 1000));
    const auto deadline = created_at_ms + static_cast<std::int64_t>(std::llround(give_up_after_s * 1000));
    if (now_ms >= deadline) return std::nullopt;
    // The last try happens at the deadline rather than being skipped for overshooting it.
    return std::min(next, deadline);
}

}  // namespace motcua::bot
