// CSV quoting and number writing (output/csv_writer.hpp), by round trip through a reference RFC 4180
// reader written here: any text, including commas, quotes and line breaks, and any double read back unchanged.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <cmath>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "output/csv_writer.hpp"

namespace {

using kyoten::output::ColumnType;
using kyoten::output::Row;
using kyoten::output::Table;

// RFC 4180, section 2: records end at a line break outside quotes; a field in double quotes may hold commas,
// line breaks and doubled quotes. (The writer ends records with LF; a reader must accept CR inside quotes.)
std::vector<std::vector<std::string>> parse_rfc4180(const std::string& text) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false, field_started = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      if (field_started) ADD_FAILURE() << "quote inside an unquoted field at byte " << i;
      quoted = field_started = true;
    } else if (c == ',') {
      record.push_back(field);
      field.clear();
      field_started = false;
    } else if (c == '\n') {
      record.push_back(field);
      records.push_back(record);
      record.clear();
      field.clear();
      field_started = false;
    } else {
      field += c;
      field_started = true;
    }
  }
  if (quoted) ADD_FAILURE() << "unterminated quoted field";
  if (!field.empty() || !record.empty()) ADD_FAILURE() << "last record not ended by a line break";
  return records;
}

rc::Gen<std::string> any_text() {
  // Plain letters, the characters CSV treats specially, a space and a multi-byte character.
  return rc::gen::map(rc::gen::container<std::vector<int>>(rc::gen::inRange(0, 9)), [](const std::vector<int>& v) {
    static const char* const kPieces[] = {"a", "Z", ",", "\"", "\n", "\r", " ", "拠点", "1"};
    std::string s;
    for (int i : v) s += kPieces[i];
    return s;
  });
}

}  // namespace

RC_GTEST_PROP(CsvWriterProperty, TextAndNumbersReadBackUnchanged, ()) {
  const auto header = *any_text();
  const auto texts = *rc::gen::container<std::vector<std::string>>(any_text());
  const auto numbers = *rc::gen::container<std::vector<double>>(texts.size(), rc::gen::arbitrary<double>());
  Table t{"t", {{header, ColumnType::Text}, {"x", ColumnType::Real}}, {}};
  t.for_each_row = [&](const std::function<void(const Row&)>& emit) {
    for (std::size_t i = 0; i < texts.size(); ++i) emit({texts[i], numbers[i]});
  };
  std::ostringstream out;
  kyoten::output::write_csv(out, t);
  const auto records = parse_rfc4180(out.str());
  RC_ASSERT(records.size() == texts.size() + 1);
  RC_ASSERT(records[0] == (std::vector<std::string>{header, "x"}));
  for (std::size_t i = 0; i < texts.size(); ++i) {
    RC_ASSERT(records[i + 1].size() == 2u);
    RC_ASSERT(records[i + 1][0] == texts[i]);
    if (!std::isfinite(numbers[i])) {
      RC_ASSERT(records[i + 1][1].empty());  // non-finite values are missing values
    } else {
      const std::string& written = records[i + 1][1];
      char* end = nullptr;
      const double back = std::strtod(written.c_str(), &end);
      RC_ASSERT(end == written.c_str() + written.size());
      RC_ASSERT(back == numbers[i]);
      RC_ASSERT(std::signbit(back) == std::signbit(numbers[i]));
    }
  }
}

TEST(CsvWriter, QuotesOnlyFieldsThatNeedIt) {
  Table t{"t", {{"plain", ColumnType::Text}, {"line", ColumnType::Text}, {"cr", ColumnType::Text}}, {}};
  t.for_each_row = [](const std::function<void(const Row&)>& emit) {
    emit({std::string("拠点 a"), std::string("two\nlines"), std::string("x\ry")});
  };
  std::ostringstream out;
  kyoten::output::write_csv(out, t);
  EXPECT_EQ(out.str(), "plain,line,cr\n拠点 a,\"two\nlines\",\"x\ry\"\n");
}
