#pragma once
// When to try an outbox item again: exponential backoff from the first failure, doubling up to a
// ceiling, and giving up once the item has waited longer than the configured limit (SPEC §2).
#include <cstdint>
#include <optional>

namespace motcua::bot {

struct RetryPolicy {
    double initial_s = 5;
    double max_s = 3600;
    double give_up_after_s = 86400;

    // The delay before try number attempts + 1, after `attempts` failed tries (attempts >= 1).
    double delay_after(int attempts) const;

    // The time of the next try, or nullopt when the item should be marked dead.
    std::optional<std::int64_t> next_attempt_ms(std::int64_t created_at_ms, int attempts,
                                                std::int64_t now_ms) const;
};

}  // namespace motcua::bot
