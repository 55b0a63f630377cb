// application/x-www-form-urlencoded (adapters/form): decoding any bytes, and the promise that
// what decodes survives encoding and decoding again unchanged.
#include <cstdint>

#include "adapters/form.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace motcua;
    auto fields = adapters::decode_form(fuzz::as_text(data, size));
    if (!fields) return 0;
    for (const auto& [name, value] : *fields) {
        const std::string* first = adapters::form_value(*fields, name);
        fuzz::require(first != nullptr, "every decoded name can be looked up");
    }
    auto again = adapters::decode_form(adapters::encode_form(*fields));
    fuzz::require(again.has_value(), "an encoded form decodes");
    fuzz::require(*again == *fields, "a form survives encoding and decoding");
    return 0;
}
