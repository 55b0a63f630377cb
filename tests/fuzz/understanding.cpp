// Understanding a citizen's message (dialogs/understanding) with the shipped catalog and scripts:
// any bytes, and the promise that what it reports is in the form the admin API publishes.
#include <cstdint>
#include <vector>

#include "dialogs/dossier_code.hpp"
#include "dialogs/understanding.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace motcua;
    static const std::vector<dialogs::UnitName> units = {
        {"gia-loc", "Xã Gia Lộc"}, {"yet-kieu", "Xã Yết Kiêu"}, {"truong-tan", "Xã Trường Tân"}};
    const auto& content = *fuzz::shipped_content();
    const std::string_view text = fuzz::as_text(data, size);

    const dialogs::Understanding understood = dialogs::understand(text, content, units);
    fuzz::require(!dialogs::intent_name(understood.intent).empty(), "every intent has a name");
    if (!understood.dossier_code.empty()) {
        fuzz::require(dialogs::find_dossier_code(understood.dossier_code) == understood.dossier_code,
                      "a reported dossier code is canonical");
    }
    if (!understood.unit.empty()) {
        bool known = false;
        for (const auto& unit : units) known = known || unit.id == understood.unit;
        fuzz::require(known, "a reported unit is a configured one");
    }
    dialogs::asks_for_more(text, content);
    return 0;
}
