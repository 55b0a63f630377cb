#pragma once
// Moments in the admin API's answers: ISO 8601 in UTC with milliseconds, "2026-11-27T05:00:00.000Z".
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace motcua::bot {

std::string iso_utc(std::int64_t epoch_ms);
nlohmann::json iso_utc_or_null(const std::optional<std::int64_t>& epoch_ms);

}  // namespace motcua::bot
