// CSV import (bot/csv_reader): any bytes, read record by record to the end, each record starting
// on a later line than the one before, malformed ones saying why.
#include <cstdint>
#include <sstream>

#include "bot/csv_reader.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace motcua;
    std::istringstream in(std::string(fuzz::as_text(data, size)));
    bot::CsvReader reader(in);
    std::size_t records = 0;
    std::size_t last_line = 0;
    while (auto record = reader.next()) {
        ++records;
        fuzz::require(records <= size, "a record consumes at least one byte");
        fuzz::require(record->line > last_line, "each record starts on a later line");
        last_line = record->line;
        std::size_t bytes = 0;
        for (const auto& field : record->fields) bytes += field.size();
        fuzz::require(bytes <= size, "fields hold no more than the input");
    }
    return 0;
}
