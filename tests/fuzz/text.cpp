// Text normalisation (dialogs/text): any bytes, valid UTF-8 or not, and the promises the SMS
// budget and phrase matching rely on.
#include <cstdint>

#include "dialogs/text.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace motcua::dialogs;
    using motcua::fuzz::require;
    const std::string_view text = motcua::fuzz::as_text(data, size);

    const std::string composed = nfc(text);
    require(nfc(composed) == composed, "nfc is idempotent");

    const std::string folded = fold(text);
    require(fold(folded) == folded, "fold is idempotent");
    require(folded.empty() || (folded.front() != ' ' && folded.back() != ' '),
            "fold trims spaces");
    require(folded.find("  ") == std::string::npos, "fold collapses runs of spaces");

    const std::string gsm = to_gsm_ascii(text);
    require(is_gsm7(gsm), "to_gsm_ascii gives GSM-7 text");

    const std::size_t segments = sms_segments(text);
    require((segments == 0) == text.empty(), "only the empty text needs no segment");
    require(sms_segments(gsm) <= code_points(gsm), "a GSM-7 text needs at most a segment a character");
    return 0;
}
