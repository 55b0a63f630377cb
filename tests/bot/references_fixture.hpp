#pragma once
// The shipped catalog and one configured unit: what admin records are checked against in tests.
#include <gtest/gtest.h>

#include "bot/references.hpp"
#include "dialogs/content.hpp"

namespace motcua::bot::testing {

inline const References& test_references() {
    static const References refs = [] {
        std::vector<dialogs::Problem> problems;
        auto content = dialogs::load_content(dialogs::default_content_dir(), problems);
        EXPECT_TRUE(content);
        return References{content, {"yet-kieu", "gia-loc"}};
    }();
    return refs;
}

}  // namespace motcua::bot::testing
