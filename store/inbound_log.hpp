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

// What the dialog turn made of a recorded message: its intent (SPEC 4.4), and the procedure and
// unit the conversation was about ("" when none), for the statistics.
void record_turn(Transaction& tx, const Inbound& message, const std::string& intent, const std::string& procedure,
                 const std::string& unit);

// Number of inbound messages recorded for a channel (for tests and statistics).
std::int64_t count_inbound(Session& s, Channel channel);

}  // namespace motcua::store
