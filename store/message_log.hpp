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

// Messages received from one contact since a time (the flood limit of SPEC B8 reads it).
std::int64_t count_received_since(Session& s, Channel channel, const std::string& contact, std::int64_t since_ms);

}  // namespace motcua::store
