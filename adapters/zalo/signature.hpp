#pragma once
// The Zalo OA webhook signature (SPEC §3.1):
// X-ZEvent-Signature: mac=<hex(sha256(app_id + raw_body + timestamp + oa_secret_key))>.
#include <optional>
#include <string>
#include <string_view>

namespace motcua::adapters {

// The lower-case hex digest, without the "mac=" prefix.
std::string zalo_signature(std::string_view app_id, std::string_view raw_body,
                           std::string_view timestamp, std::string_view oa_secret_key);

// The two body fields the signature covers, exactly as written in the raw body.
struct ZaloSignedFields {
    std::optional<std::string> app_id;     // a string field
    std::optional<std::string> timestamp;  // a string, or a number's own digits
};

// Reads the top-level "app_id" and "timestamp" of a JSON object. A number keeps the text it
// was written with, so a timestamp sent as 1540368141908.0 is signed as such; the last of
// repeated keys wins, as in the parsed body. Both are empty when raw_body is not a JSON object.
ZaloSignedFields zalo_signed_fields(std::string_view raw_body);

}  // namespace motcua::adapters
