#pragma once
// SPEC §3: every JSON error is {"error": "<human readable>"}.
#include <string_view>

#include "adapters/wire.hpp"

namespace motcua::adapters {

HttpAnswer json_error(int status, std::string_view message);

}  // namespace motcua::adapters
