#pragma once
// `motcua serve`: everything wired together, from binding the port to a graceful stop.
#include <memory>

#include "bot/config.hpp"
#include "dialogs/content.hpp"

namespace motcua::bot {

// Runs until SIGTERM or SIGINT, then stops accepting, finishes the requests and sends in flight,
// flushes the store and returns 0. Returns 1 when it cannot start (the reason is printed).
int serve(const Config& config, std::shared_ptr<const dialogs::Content> content);

}  // namespace motcua::bot
