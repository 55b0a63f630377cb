#pragma once
// application/x-www-form-urlencoded, the body of Twilio's webhooks and of the calls made to
// Twilio and to Zalo's OAuth server.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace motcua::adapters {

// Fields in the order received; a name may repeat.
using FormFields = std::vector<std::pair<std::string, std::string>>;

// "+" is a space and "%XX" a byte; a field without "=" has an empty value and empty fields
// ("a=1&&b=2") are skipped. nullopt when a "%" is not followed by two hex digits.
// Bytes are returned as sent: whether they are UTF-8 is the caller's question.
std::optional<FormFields> decode_form(std::string_view body);

// Every byte but A-Z a-z 0-9 - . _ ~ percent-encoded, spaces as "+".
std::string encode_form(const FormFields& fields);

// The value of the first field with that name, or nullptr.
const std::string* form_value(const FormFields& fields, std::string_view name);

}  // namespace motcua::adapters
