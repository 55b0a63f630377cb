#include "bot/csv_reader.hpp"

namespace motcua::bot {
namespace {

constexpr std::size_t buffer_size = 64 * 1024;
constexpr int end_of_input = -1;

}  // namespace

CsvReader::CsvReader(std::istream& in) : in_(in), buffer_(buffer_size) {}

int CsvReader::peek() {
    if (at_ == size_) {
        in_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
        size_ = static_cast<std::size_t>(in_.gcount());
        at_ = 0;
        if (size_ == 0) return end_of_input;
    }
    return static_cast<unsigned char>(buffer_[at_]);
}

int CsvReader::get() {
    const int c = peek();
    if (c != end_of_input) ++at_;
    return c;
}

void CsvReader::consume_line_end() {
    if (get() == '\r' && peek() == '\n') get();
    ++line_;
}

void CsvReader::skip_rest_of_line() {
    for (int c = peek(); c != end_of_input; c = peek()) {
        if (at_line_end(c)) return consume_line_end();
        get();
    }
}

void CsvReader::append_run(std::string& field, std::string_view stops) {
    std::size_t end = at_;
    while (end < size_ && stops.find(buffer_[end]) == std::string_view::npos) ++end;
    field.append(buffer_.data() + at_, end - at_);
    at_ = end;
}

std::optional<std::string> CsvReader::read_quoted(CsvRecord& record) {
    std::string field;
    get();  // the opening quote
    for (;;) {
        const int c = get();
        if (c == end_of_input) {
            record.error = "a quoted field is not closed before the end of the file";
            return std::nullopt;
        }
        if (c == '"') {
            if (peek() != '"') break;
            get();
        } else if (c == '\n' || (c == '\r' && peek() != '\n')) {
            ++line_;
        }
        field += static_cast<char>(c);
        if (peek() != end_of_input) append_run(field, "\"\r\n");
    }
    const int after = peek();
    if (after != ',' && after != end_of_input && !at_line_end(after)) {
        record.error = "text after the closing quote of field " + std::to_string(record.fields.size() + 1);
        skip_rest_of_line();
        return std::nullopt;
    }
    return field;
}

std::optional<std::string> CsvReader::read_plain(CsvRecord& record) {
    std::string field;
    for (int c = peek(); c != ',' && c != end_of_input && !at_line_end(c); c = peek()) {
        if (c == '"') {
            record.error = "a quote inside unquoted field " + std::to_string(record.fields.size() + 1) +
                           " (quote the whole field and double the quote)";
            skip_rest_of_line();
            return std::nullopt;
        }
        append_run(field, ",\"\r\n");
    }
    return field;
}

std::optional<CsvRecord> CsvReader::next() {
    if (!started_) {
        started_ = true;
        static constexpr unsigned char bom[] = {0xEF, 0xBB, 0xBF};
        if (peek() == bom[0] && size_ - at_ >= 3 && static_cast<unsigned char>(buffer_[at_ + 1]) == bom[1] &&
            static_cast<unsigned char>(buffer_[at_ + 2]) == bom[2])
            at_ += 3;
    }
    while (at_line_end(peek())) consume_line_end();  // blank lines
    if (peek() == end_of_input) return std::nullopt;
    CsvRecord record;
    record.line = line_;
    record.fields.reserve(last_width_);
    for (;;) {
        auto field = peek() == '"' ? read_quoted(record) : read_plain(record);
        if (!field) return record;
        record.fields.push_back(std::move(*field));
        const int c = peek();
        if (c == ',') {
            get();
            if (record.fields.size() == max_fields) {
                record.error = "more than " + std::to_string(max_fields) + " fields";
                skip_rest_of_line();
                return record;
            }
            continue;
        }
        if (c != end_of_input) consume_line_end();
        last_width_ = record.fields.size();
        return record;
    }
}

}  // namespace motcua::bot
