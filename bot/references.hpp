#pragma once
// What the records fed through the admin API and the import may refer to: the catalog's
// procedures and fields, and the configured units.
#include <memory>
#include <set>
#include <string>

#include "bot/config.hpp"
#include "dialogs/content.hpp"

namespace motcua::bot {

struct References {
    std::shared_ptr<const dialogs::Content> content;
    std::set<std::string> units;  // unit ids
};

inline References references(const Config& config, std::shared_ptr<const dialogs::Content> content) {
    References refs{std::move(content), {}};
    for (const auto& unit : config.units) refs.units.insert(unit.id);
    return refs;
}

}  // namespace motcua::bot
