#include "presentation/number_format.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <locale>

namespace kyoten::presentation {
namespace {

struct CommaGrouping : std::numpunct<char> {
  char do_thousands_sep() const override { return ','; }
  std::string do_grouping() const override { return "\3"; }
};

const std::locale& grouping_locale() {
  static const std::locale locale(std::locale::classic(), new CommaGrouping);
  return locale;
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
  // An exact 0 with no spread (the same in every replication) has no digits to resolve: "0", not "0.00".
  const double size = std::abs(value);
  return size >= 100 || size == 0 ? 0 : size >= 10 ? 1 : 2;
}

std::string format_number(double value, int decimals) {
  if (!std::isfinite(value)) return "-";
  if (std::abs(value) < 0.5 * std::pow(10.0, -decimals)) value = 0.0;  // no "-0.0"
  return fmt::format(grouping_locale(), "{:.{}Lf}", value, decimals);
}

std::size_t display_width(std::string_view text) {
  // Padding a field wider than any text of this many bytes adds exactly (field − display width) fill characters.
  const std::size_t field = 2 * text.size() + 1;
  return text.size() + field - fmt::formatted_size("{:<{}}", text, field);
}

}  // namespace kyoten::presentation
