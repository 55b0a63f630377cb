#pragma once
// The built-in demo deployment (SPEC §7): the four communes formed in 2025 from the former
// Gia Lộc district, with credentials that are public on purpose so anyone can sign test webhooks.
#include <nlohmann/json.hpp>

namespace motcua::bot {

nlohmann::json demo_config();

}  // namespace motcua::bot
