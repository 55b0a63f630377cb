#include "adapters/gateway_words.hpp"

#include "adapters/phone.hpp"
#include "adapters/utf8.hpp"
#include "adapters/wire.hpp"

namespace motcua::adapters {

std::string gateway_words(std::string_view words) {
    return shorten_utf8(mask_phones_in(words), SendOutcome::max_gateway_words);
}

}  // namespace motcua::adapters
