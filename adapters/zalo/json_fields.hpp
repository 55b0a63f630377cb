#pragma once
// Reading Zalo's JSON without trusting its shape: ids and counters come as strings or, now and
// then, as numbers; a missing or odd field is nullopt, never an exception.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace motcua::adapters::zalo_json {

// object[key], or nullptr when `object` is not an object or lacks it.
const nlohmann::json* member(const nlohmann::json& object, std::string_view key);
const nlohmann::json* member(const nlohmann::json* object, std::string_view key);

// A string as is, an integer as its digits (exact: integers are never read through a double),
// anything else nullopt.
std::optional<std::string> text_of(const nlohmann::json* value);

// Digits only, as a non-negative int64; nullopt when empty, not digits or too large.
std::optional<std::int64_t> parse_count(std::string_view digits);

}  // namespace motcua::adapters::zalo_json
