#pragma once
// The few primitives the gateways' signatures need, over OpenSSL. Inputs and outputs are byte
// strings; nothing here throws on any input.
#include <optional>
#include <string>
#include <string_view>

namespace motcua::adapters {

std::string hmac_sha1(std::string_view key, std::string_view data);  // 20 raw bytes
std::string sha256_hex(std::string_view data);                       // 64 lower-case hex digits

std::string base64_encode(std::string_view bytes);  // standard alphabet, padded, no line breaks
// nullopt unless `text` is canonical padded standard base64.
std::optional<std::string> base64_decode(std::string_view text);

// Equality whose time depends only on the lengths, so that a forger learns nothing from how
// long a wrong signature took to refuse.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace motcua::adapters
