#pragma once
// The shipped content, loaded once for the tests that drive the engine or the understanding.
#include <gtest/gtest.h>

#include <memory>

#include "dialogs/content.hpp"
#include "dialogs/content_model.hpp"

namespace motcua::dialogs::testing {

inline std::shared_ptr<const Content> shipped_content() {
    static const std::shared_ptr<const Content> content = [] {
        std::vector<Problem> problems;
        auto loaded = load_content(default_content_dir(), problems);
        EXPECT_TRUE(loaded) << (problems.empty() ? "" : problems.front().path + ": " +
                                                             problems.front().message);
        return loaded;
    }();
    return content;
}

}  // namespace motcua::dialogs::testing
