#pragma once
// B6: "#N text" is how an officer's SMS names the case it answers.
#include <cstdint>
#include <optional>
#include <string_view>

namespace motcua::bot {

struct CaseReference {
    std::int64_t number;
    std::string_view rest;  // the answer itself, after the separators that follow the number
};

// "#N" at the start of the text, spaces allowed around "#", with N of 1 to 18 digits and not
// followed by a letter, a digit or "_" ("#12abc" names no case); nullopt for any other text.
std::optional<CaseReference> read_case_reference(std::string_view text);

}  // namespace motcua::bot
