#include "models/planning/display.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <locale>

namespace kyoten::planning {
namespace {

struct CommaGrouping : std::numpunct<char> {
  char do_thousands_sep() const override { return ','; }
  std::string do_grouping() const override { return "\3"; }
};

const std::locale& grouping_locale() {
  static const std::locale locale(std::locale::classic(), new CommaGrouping);
  return locale;
}

// Display columns of UTF-8 text as fmt counts them when padding (East Asian wide characters count two).
std::size_t display_width(std::string_view text) {
  const std::size_t field = 2 * text.size() + 1;
  return text.size() + field - fmt::formatted_size("{:<{}}", text, field);
}

}  // namespace

ShownUnit shown_unit(std::string_view unit) {
  if (unit == "share") return {100.0, "%", "%", "ポイント", "points"};
  if (unit == "minutes") return {1.0, "分", "min", "分", "min"};
  if (unit == "hours") return {1.0, "時間", "h", "時間", "h"};
  if (unit == "days") return {1.0, "日", "days", "日", "days"};
  if (unit == "yen") return {1e-3, "千円", "thousand yen", "千円", "thousand yen"};
  return {1.0, "", "", "", ""};
}

int decimals_for(double value, double half_width) {
  constexpr int kMaxDecimals = 3;
  if (std::isfinite(half_width) && half_width > 0)
    return std::clamp(1 - static_cast<int>(std::floor(std::log10(half_width))), 0, kMaxDecimals);
  const double size = std::abs(value);
  return size >= 100 || size == 0 ? 0 : size >= 10 ? 1 : 2;
}

int decimals_for_difference(double difference, double half_width, double scale) {
  constexpr double kNoise = 1e-9;
  const double size = std::max(std::abs(difference), std::abs(scale));
  if (std::isfinite(half_width) && half_width <= kNoise * size) half_width = 0;
  return decimals_for(std::abs(difference) > 0 ? difference : scale, half_width);
}

std::string format_number(double value, int decimals) {
  if (!std::isfinite(value)) return "-";
  if (std::abs(value) < 0.5 * std::pow(10.0, -decimals)) value = 0.0;
  return fmt::format(grouping_locale(), "{:.{}Lf}", value, decimals);
}

std::string unit_text(const ShownUnit& unit, output::Language language) {
  return language == output::Language::Japanese ? unit.ja : unit.en;
}

std::string render_table(const std::vector<std::vector<std::string>>& rows, const std::vector<bool>& right) {
  std::vector<std::size_t> width;
  for (const auto& row : rows)
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (width.size() <= c) width.resize(c + 1, 0);
      width[c] = std::max(width[c], display_width(row[c]));
    }
  std::string out;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::string line;
    for (std::size_t c = 0; c < rows[r].size(); ++c) {
      const bool to_right = c < right.size() && right[c];
      line += (c ? "  " : "") +
              (to_right ? fmt::format("{:>{}}", rows[r][c], width[c]) : fmt::format("{:<{}}", rows[r][c], width[c]));
    }
    line.erase(line.find_last_not_of(' ') + 1);
    out += line + '\n';
    if (r == 0) {
      std::size_t total = 0;
      for (std::size_t w : width) total += w + 2;
      out += std::string(total > 2 ? total - 2 : 0, '-') + '\n';
    }
  }
  return out;
}

}  // namespace kyoten::planning
