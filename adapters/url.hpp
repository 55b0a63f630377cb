#pragma once
// Configured base URLs may or may not end with "/"; the gateways' paths always start with one.
#include <string>
#include <string_view>

namespace motcua::adapters {

// "https://api.example.com/" + "/v1/x" -> "https://api.example.com/v1/x"
std::string join_url(std::string_view base, std::string_view path);

}  // namespace motcua::adapters
