#pragma once
// Twilio's request signature (X-Twilio-Signature), as its own helper libraries compute it.
#include <string>
#include <string_view>

#include "adapters/form.hpp"

namespace motcua::adapters {

// base64(HMAC-SHA1(auth_token, url + name1 + value1 + name2 + value2 ...)), the fields sorted
// by name then value, a field repeated with the same value counted once.
std::string twilio_signature(std::string_view auth_token, std::string_view url, FormFields fields);

}  // namespace motcua::adapters
