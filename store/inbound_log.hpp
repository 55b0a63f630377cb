#pragma once
// Every inbound message, unique on (channel, external_id): the dedup that makes a gateway's
// retry harmless. Also the message log (both directions) that statistics read.
#include <cstdint>
#include <string>

#include "adapters/message.hpp"
#include "store/session.hpp"

namespace motcua::store {

// Records the message and appends its text to the message log; false, and nothing written, when
// (channel, external_id) was already recorded. Throws StoreError without an external_id or contact.
bool record_inbound(Transaction& tx, const Inbound& message, std::int64_t received_at_ms);

// Number of inbound messages recorded for a channel (for tests and statistics).
std::int64_t count_inbound(Session& s, Channel channel);

}  // namespace motcua::store
