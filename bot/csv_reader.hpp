#pragma once
// RFC 4180 CSV as the one-stop shop's software exports it: comma-separated, fields optionally in
// double quotes (a quote doubled inside them), commas and line breaks allowed inside quotes,
// CRLF or LF line ends, and a UTF-8 byte-order mark at the start ignored. Streams, so a
// million-row file is not held in memory.
#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace motcua::bot {

struct CsvRecord {
    std::size_t line = 0;             // the line the record starts on, from 1
    std::vector<std::string> fields;  // as bytes, unquoted
    std::string error;                // set when the record is malformed; fields are then partial
};

class CsvReader {
public:
    explicit CsvReader(std::istream& in);

    // The next record, or nullopt at the end of the input. Blank lines are skipped. After a
    // malformed record, reading resumes on the next line.
    std::optional<CsvRecord> next();

    // A record with more fields is malformed: no export has that many columns, and a line of
    // millions of commas would otherwise take gigabytes.
    static constexpr std::size_t max_fields = 1000;

private:
    int peek();
    int get();
    void skip_rest_of_line();
    bool at_line_end(int c) const { return c == '\n' || c == '\r'; }
    void consume_line_end();
    // Appends the bytes from here up to the first of stops or the end of the buffer: most of a
    // field is copied at once rather than byte by byte.
    void append_run(std::string& field, std::string_view stops);
    std::optional<std::string> read_quoted(CsvRecord& record);
    std::optional<std::string> read_plain(CsvRecord& record);

    std::istream& in_;
    std::vector<char> buffer_;
    std::size_t at_ = 0;
    std::size_t size_ = 0;
    std::size_t line_ = 1;
    std::size_t last_width_ = 0;  // fields of the last record: the next one most likely has as many
    bool started_ = false;
};

}  // namespace motcua::bot
