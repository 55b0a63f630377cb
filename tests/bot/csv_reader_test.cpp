#include "bot/csv_reader.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace motcua::bot {
namespace {

using Fields = std::vector<std::string>;

std::vector<CsvRecord> read_all(const std::string& text) {
    std::istringstream in(text);
    CsvReader reader(in);
    std::vector<CsvRecord> records;
    while (auto record = reader.next()) records.push_back(std::move(*record));
    return records;
}

TEST(CsvReader, PlainRowsWithLineNumbers) {
    const auto records = read_all("code,status\nA,done\nB,received");
    ASSERT_EQ(records.size(), 3u);
    EXPECT_EQ(records[0].fields, (Fields{"code", "status"}));
    EXPECT_EQ(records[1].fields, (Fields{"A", "done"}));
    EXPECT_EQ(records[2].fields, (Fields{"B", "received"}));
    EXPECT_EQ(records[2].line, 3u);
    for (const auto& r : records) EXPECT_EQ(r.error, "");
}

TEST(CsvReader, ByteOrderMarkIsSkipped) {
    const auto records = read_all("\xEF\xBB\xBF" "code,note\nA,x\n");
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(records[0].fields[0], "code");
}

TEST(CsvReader, QuotedFieldsHoldCommasQuotesAndLineBreaks) {
    const auto records = read_all("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",\"\"\nnext,row\n");
    ASSERT_EQ(records.size(), 4u);
    EXPECT_EQ(records[1].fields, (Fields{"x, y", "say \"hi\""}));
    EXPECT_EQ(records[2].fields, (Fields{"two\nlines", ""}));
    EXPECT_EQ(records[2].line, 3u);
    EXPECT_EQ(records[3].line, 5u) << "the embedded line break counts";
}

TEST(CsvReader, CrLfLineEndsAndBlankLines) {
    const auto records = read_all("a,b\r\n1,2\r\n\r\n3,\r\n");
    ASSERT_EQ(records.size(), 3u);
    EXPECT_EQ(records[1].fields, (Fields{"1", "2"}));
    EXPECT_EQ(records[2].fields, (Fields{"3", ""}));
    EXPECT_EQ(records[2].line, 4u);
}

TEST(CsvReader, MalformedRowsAreReportedAndReadingGoesOn) {
    const auto records = read_all("a,b\nx\"y,1\n\"closed\"junk,2\nok,3\n\"never closed,4\nlast,5\n");
    ASSERT_EQ(records.size(), 5u);
    EXPECT_EQ(records[1].line, 2u);
    EXPECT_NE(records[1].error.find("quote inside unquoted field 1"), std::string::npos) << records[1].error;
    EXPECT_EQ(records[2].line, 3u);
    EXPECT_NE(records[2].error.find("after the closing quote"), std::string::npos) << records[2].error;
    EXPECT_EQ(records[3].fields, (Fields{"ok", "3"}));
    EXPECT_EQ(records[3].error, "");
    EXPECT_EQ(records[4].line, 5u);
    EXPECT_NE(records[4].error.find("not closed"), std::string::npos) << records[4].error;
}

TEST(CsvReader, RecordsLongerThanTheBuffer) {
    const std::string long_note(200'000, 'x');
    const auto records = read_all("a,b\n1,\"" + long_note + "\"\n2,y\n");
    ASSERT_EQ(records.size(), 3u);
    EXPECT_EQ(records[1].fields[1], long_note);
    EXPECT_EQ(records[2].fields, (Fields{"2", "y"}));
}

TEST(CsvReader, ARecordWithTooManyFieldsIsMalformed) {
    const auto records = read_all("a,b\n" + std::string(5'000'000, ',') + "\nok,1\n");
    ASSERT_EQ(records.size(), 3u);
    EXPECT_NE(records[1].error.find("more than 1000 fields"), std::string::npos) << records[1].error;
    EXPECT_LE(records[1].fields.size(), CsvReader::max_fields);
    EXPECT_EQ(records[2].fields, (Fields{"ok", "1"}));
    EXPECT_EQ(records[2].line, 3u);
    std::string widest;
    for (std::size_t i = 1; i < CsvReader::max_fields; ++i) widest += ",";
    EXPECT_EQ(read_all(widest)[0].fields.size(), CsvReader::max_fields);
}

TEST(CsvReader, EmptyInputHasNoRecords) {
    EXPECT_TRUE(read_all("").empty());
    EXPECT_TRUE(read_all("\xEF\xBB\xBF").empty());
    EXPECT_TRUE(read_all("\n\r\n").empty());
}

}  // namespace
}  // namespace motcua::bot
