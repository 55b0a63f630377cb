#include "adapters/zalo/json_fields.hpp"

#include <charconv>

namespace motcua::adapters::zalo_json {

const nlohmann::json* member(const nlohmann::json& object, std::string_view key) {
    if (!object.is_object()) return nullptr;
    auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

const nlohmann::json* member(const nlohmann::json* object, std::string_view key) {
    return object == nullptr ? nullptr : member(*object, key);
}

std::optional<std::string> text_of(const nlohmann::json* value) {
    if (value == nullptr) return std::nullopt;
    if (value->is_string()) return value->get<std::string>();
    if (value->is_number_unsigned()) return std::to_string(value->get<std::uint64_t>());
    if (value->is_number_integer()) return std::to_string(value->get<std::int64_t>());
    return std::nullopt;
}

std::optional<std::int64_t> parse_count(std::string_view digits) {
    std::int64_t value = 0;
    if (digits.empty() || digits.front() == '-' || digits.front() == '+') return std::nullopt;
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (error != std::errc{} || end != digits.data() + digits.size()) return std::nullopt;
    return value;
}

}  // namespace motcua::adapters::zalo_json
