#pragma once
// What was said, both ways, in order: the record that statistics and officers read.
#include <cstdint>
#include <string>

#include "adapters/message.hpp"
#include "store/session.hpp"

namespace motcua::store {

enum class Direction { in, out };

// Returns the new entry's id.
std::int64_t append_message_log(Transaction& tx, Direction direction, Channel channel,
                                const std::string& contact, const std::string& text,
                                std::int64_t at_ms);

std::int64_t count_message_log(Session& s, Direction direction, Channel channel);

}  // namespace motcua::store
