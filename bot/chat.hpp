#pragma once
// `motcua chat`: a conversation in the terminal through the same engine and store as the
// server, each reply printed as the chosen channel would show it. Needs no gateway.
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

#include "adapters/message.hpp"
#include "bot/config.hpp"
#include "dialogs/content.hpp"

namespace motcua::bot {

int chat(const Config& config, std::shared_ptr<const dialogs::Content> content, Channel channel,
         const std::optional<std::string>& from, std::istream& in, std::ostream& out);

}  // namespace motcua::bot
