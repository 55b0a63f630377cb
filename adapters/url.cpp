#include "adapters/url.hpp"

namespace motcua::adapters {

std::string join_url(std::string_view base, std::string_view path) {
    while (!base.empty() && base.back() == '/') base.remove_suffix(1);
    return std::string(base) + std::string(path);
}

}  // namespace motcua::adapters
