#pragma once
// A rejected value, named by its field: the admin API answers it as a 422, the import prints it
// with the row's line number.
#include <string>

namespace motcua::bot {

struct FieldProblem {
    std::string field;
    std::string message;

    std::string text() const { return field + ": " + message; }
};

}  // namespace motcua::bot
