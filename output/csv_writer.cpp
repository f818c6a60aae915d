#include "output/csv_writer.hpp"

#include <fmt/format.h>

#include <cmath>
#include <ostream>
#include <string_view>

namespace kyoten::output {
namespace {

// Quotes a field only when it needs it (a comma, quote or line break), doubling inner quotes.
std::string quoted(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

struct CellText {
  std::string operator()(std::monostate) const { return {}; }
  std::string operator()(std::int64_t v) const { return fmt::format("{}", v); }
  std::string operator()(double v) const { return std::isfinite(v) ? fmt::format("{}", v) : std::string(); }
  std::string operator()(const std::string& v) const { return quoted(v); }
};

}  // namespace

void write_csv(std::ostream& out, const Table& table) {
  std::string line;
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    if (c) line += ',';
    line += quoted(table.columns[c].name);
  }
  out << line << '\n';
  table.for_each_row([&](const Row& row) {
    line.clear();
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (c) line += ',';
      line += std::visit(CellText{}, row[c]);
    }
    out << line << '\n';
  });
}

}  // namespace kyoten::output
