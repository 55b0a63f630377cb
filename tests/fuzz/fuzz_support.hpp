#pragma once
// What the fuzz targets share: the shipped dialog content, loaded once, and a check that turns a
// broken promise of the code under test into a crash libFuzzer reports and minimises.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "dialogs/content.hpp"

namespace motcua::fuzz {

// Aborts with the promise that failed; the input that broke it is saved by libFuzzer.
inline void require(bool holds, const char* promise) {
    if (holds) return;
    std::fprintf(stderr, "broken promise: %s\n", promise);
    std::abort();
}

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// dialogs/data as shipped; a fuzz run against content that does not load would prove nothing.
inline const std::shared_ptr<const dialogs::Content>& shipped_content() {
    static const std::shared_ptr<const dialogs::Content> content = [] {
        std::vector<dialogs::Problem> problems;
        auto loaded = dialogs::load_content(dialogs::default_content_dir(), problems);
        for (const auto& p : problems)
            std::fprintf(stderr, "%s: %s: %s\n", p.file.c_str(), p.path.c_str(), p.message.c_str());
        require(loaded != nullptr, "the shipped dialog content loads");
        return loaded;
    }();
    return content;
}

}  // namespace motcua::fuzz
