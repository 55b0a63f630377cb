// Dossier-code recognition (dialogs/dossier_code): any bytes, and the promise that a code found
// is in canonical form, which is itself found unchanged.
#include <cstdint>

#include "dialogs/dossier_code.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace motcua;
    auto code = dialogs::find_dossier_code(fuzz::as_text(data, size));
    if (!code) return 0;
    for (char c : *code) {
        const bool canonical = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
        fuzz::require(canonical, "a canonical code is upper-case letters, digits, dots and dashes");
    }
    fuzz::require(dialogs::find_dossier_code(*code) == code, "a canonical code reads as itself");
    return 0;
}
