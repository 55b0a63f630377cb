#pragma once
// Every inbound message, unique on (channel, external_id): the dedup that makes a gateway's
// retry harmless. Also the message log (both directions) that statistics read.
#include <cstdint>
#include <string>

#include "adapters/message.hpp"
#include "store/session.hpp"

namespace motcua::store {

// Records the message; false when (channel, external_id) was already recorded.
bool record_inbound(Transaction& tx, const Inbound& message, std::int64_t received_at_ms);

// Number of inbound messages recorded for a channel (for tests and statistics).
std::int64_t count_inbound(Session& s, Channel channel);

}  // namespace motcua::store
