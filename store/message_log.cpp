#include "store/message_log.hpp"

#include "store/statement.hpp"

namespace motcua::store {
namespace {

std::string_view direction_name(Direction direction) { return direction == Direction::in ? "in" : "out"; }

}  // namespace

std::int64_t append_message_log(Transaction& tx, Direction direction, Channel channel,
                                const std::string& contact, const std::string& text,
                                std::int64_t at_ms) {
    auto& insert = tx.prepare(
        "INSERT INTO message_log (direction, channel, contact, text, at)"
        " VALUES (?1, ?2, ?3, ?4, ?5)");
    insert.bind(1, direction_name(direction))
        .bind(2, channel_name(channel))
        .bind(3, contact)
        .bind(4, text)
        .bind(5, at_ms);
    return insert.insert();
}

std::int64_t count_message_log(Session& s, Direction direction, Channel channel) {
    auto& count = s.prepare("SELECT count(*) FROM message_log WHERE direction = ?1 AND channel = ?2");
    return count.bind(1, direction_name(direction)).bind(2, channel_name(channel)).single_int64();
}

}  // namespace motcua::store
