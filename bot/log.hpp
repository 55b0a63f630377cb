#pragma once
// Structured logs: one JSON object per line on stderr. Callers mask phone numbers
// (adapters::mask_phone) and never pass secrets (SPEC §6).
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace motcua::log {

enum class Level { info, warn, error };

using Field = std::pair<std::string_view, std::string>;

void write(Level level, std::string_view event, std::initializer_list<Field> fields);
inline void info(std::string_view event, std::initializer_list<Field> fields = {}) { write(Level::info, event, fields); }
inline void warn(std::string_view event, std::initializer_list<Field> fields = {}) { write(Level::warn, event, fields); }
inline void error(std::string_view event, std::initializer_list<Field> fields = {}) { write(Level::error, event, fields); }

}  // namespace motcua::log
