#include "adapters/sms/twilio_signature.hpp"

#include <algorithm>

#include "adapters/crypto.hpp"

namespace motcua::adapters {

std::string twilio_signature(std::string_view auth_token, std::string_view url, FormFields fields) {
    // Twilio's libraries sort names and, within a name, its distinct values.
    std::sort(fields.begin(), fields.end());
    fields.erase(std::unique(fields.begin(), fields.end()), fields.end());
    std::string signed_text(url);
    for (const auto& [name, value] : fields) {
        signed_text += name;
        signed_text += value;
    }
    return base64_encode(hmac_sha1(auth_token, signed_text));
}

}  // namespace motcua::adapters
