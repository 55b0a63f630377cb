#pragma once
// Channels are stored by name ("sms", "zalo"); a row naming another one is a corrupt row.
#include "adapters/message.hpp"
#include "store/statement.hpp"

namespace motcua::store {

Channel channel_column(const Statement& row, int column);

}  // namespace motcua::store
