#include "store/channel_column.hpp"

namespace motcua::store {

Channel channel_column(const Statement& row, int column) {
    const std::string name = row.column_text(column);
    if (const auto channel = parse_channel(name)) return *channel;
    throw StoreError("the database names an unknown channel '" + name + "'");
}

}  // namespace motcua::store
