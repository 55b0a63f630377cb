#include "store/arrivals.hpp"

#include <algorithm>
#include <charconv>
#include <vector>

#include "store/statement.hpp"

namespace motcua::store {
namespace {

// The column holds the times as decimal milliseconds separated by spaces. Anything else in it
// (a hand edit) is skipped rather than trusted, and the times are sorted, since the migration
// that filled it in could not promise an order.
std::vector<std::int64_t> parse_times(std::string_view text) {
    std::vector<std::int64_t> times;
    while (!text.empty()) {
        const auto end = std::min(text.find(' '), text.size());
        std::int64_t at = 0;
        const auto token = text.substr(0, end);
        if (const auto [rest, ec] = std::from_chars(token.data(), token.data() + token.size(), at);
            ec == std::errc() && rest == token.data() + token.size())
            times.push_back(at);
        text.remove_prefix(std::min(end + 1, text.size()));
    }
    std::sort(times.begin(), times.end());
    return times;
}

std::string format_times(const std::vector<std::int64_t>& times) {
    std::string text;
    for (const auto at : times) {
        if (!text.empty()) text += ' ';
        text += std::to_string(at);
    }
    return text;
}

}  // namespace

std::int64_t record_arrival(Transaction& tx, Channel channel, const std::string& contact, std::int64_t at_ms,
                            std::int64_t since_ms, std::size_t keep) {
    const auto channel_text = channel_name(channel);
    auto times = parse_times(tx.prepare("SELECT arrivals FROM conversations WHERE channel = ?1 AND contact = ?2")
                                 .bind(1, channel_text)
                                 .bind(2, contact)
                                 .first_text()
                                 .value_or(""));
    times.insert(std::upper_bound(times.begin(), times.end(), at_ms), at_ms);
    // Times before the window never count again while the clock goes forward, so they are not
    // kept: most contacts write a few times an hour, and their row stays short.
    times.erase(times.begin(), std::lower_bound(times.begin(), times.end(), since_ms));
    if (times.size() > keep) times.erase(times.begin(), times.end() - static_cast<std::ptrdiff_t>(keep));
    // A contact's first message makes its row, with the empty state of a contact never seen.
    tx.prepare(
          "INSERT INTO conversations (channel, contact, state, updated_at, arrivals) VALUES (?1, ?2, '', ?3, ?4)"
          " ON CONFLICT (channel, contact) DO UPDATE SET arrivals = excluded.arrivals")
        .bind(1, channel_text)
        .bind(2, contact)
        .bind(3, at_ms)
        .bind(4, format_times(times))
        .execute();
    return static_cast<std::int64_t>(times.size());
}

}  // namespace motcua::store
