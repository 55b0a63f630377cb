#include "bot/log.hpp"

#include <chrono>
#include <cstdio>
#include <mutex>
#include <nlohmann/json.hpp>

namespace motcua::log {

void write(Level level, std::string_view event, std::initializer_list<Field> fields) {
    using namespace std::chrono;
    const auto ms = duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
    nlohmann::json line = {{"ts_ms", ms},
                           {"level", level == Level::info ? "info" : level == Level::warn ? "warn" : "error"},
                           {"event", event}};
    for (const auto& [key, value] : fields) line[std::string(key)] = value;
    const std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    static std::mutex out;
    std::lock_guard lock(out);
    std::fputs(text.c_str(), stderr);
}

}  // namespace motcua::log
