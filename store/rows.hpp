#pragma once
// A query's rows read into values: all of them for a list, the first for a lookup. A lookup
// resets the statement after its row, so the session's cached statement is free for the next.
#include <optional>
#include <type_traits>
#include <vector>

#include "store/statement.hpp"

namespace motcua::store {

template <typename ReadRow>
using RowValue = std::invoke_result_t<ReadRow&, const Statement&>;

template <typename ReadRow>
std::vector<RowValue<ReadRow>> read_rows(Statement& query, ReadRow read_row) {
    std::vector<RowValue<ReadRow>> rows;
    while (query.step()) rows.push_back(read_row(query));
    return rows;
}

template <typename ReadRow>
std::optional<RowValue<ReadRow>> read_first_row(Statement& query, ReadRow read_row) {
    if (!query.step()) return std::nullopt;
    RowValue<ReadRow> row = read_row(query);
    query.reset();
    return row;
}

}  // namespace motcua::store
