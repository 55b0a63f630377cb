#pragma once
// What the bot keeps of a gateway's own words (its error messages): they are stored with the
// outbox row and logged, so phone numbers in them are masked (SPEC §6) and their length is
// bounded, since a gateway can answer a megabyte.
#include <string>
#include <string_view>

namespace motcua::adapters {

// Valid UTF-8 `words` (nlohmann::json's strings are), at most SendOutcome::max_gateway_words
// characters of them, phone numbers masked.
std::string gateway_words(std::string_view words);

}  // namespace motcua::adapters
