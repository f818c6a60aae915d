#include "presentation/display.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace kyoten::presentation {

int decimals_for_difference(double difference, double half_width, double scale) {
  constexpr double kNoise = 1e-9;
  const double size = std::max(std::abs(difference), std::abs(scale));
  if (std::isfinite(half_width) && half_width <= kNoise * size) half_width = 0;
  return decimals_for(std::abs(difference) > 0 ? difference : scale, half_width);
}

std::string unit_text(const ShownUnit& unit, Language language) {
  return language == Language::Japanese ? unit.ja : unit.en;
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

}  // namespace kyoten::presentation
