#include "adapters/json_error.hpp"

#include <nlohmann/json.hpp>

namespace motcua::adapters {

HttpAnswer json_error(int status, std::string_view message) {
    nlohmann::json body = {{"error", std::string(message)}};
    // Replace, not throw: a message quoting a gateway's bytes may not be UTF-8.
    return {status, "application/json",
            body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)};
}

}  // namespace motcua::adapters
