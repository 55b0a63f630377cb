#pragma once
// When each contact's latest messages came, for SPEC B8's hourly allowance. The times are kept
// in the contact's conversation row, which the turn rewrites anyway, so counting a sender's
// messages of the hour dirties no page of its own: an index of the message log by contact put
// one more page at a random place into every commit, for every message.
#include <cstddef>
#include <cstdint>
#include <string>

#include "adapters/message.hpp"
#include "store/session.hpp"

namespace motcua::store {

// Records a message from the contact at at_ms and answers how many of the contact's messages,
// this one included, came at or after since_ms, counting up to `keep`: keeping one more than an
// allowance tells whether the allowance is exceeded. Earlier times are forgotten.
std::int64_t record_arrival(Transaction& tx, Channel channel, const std::string& contact, std::int64_t at_ms,
                            std::int64_t since_ms, std::size_t keep);

}  // namespace motcua::store
