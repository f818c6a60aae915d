#pragma once
// How every table kyoten prints shows a number: the KPI's unit as shown (shares in %, yen in thousands), as
// many decimals as a confidence interval resolves, thousands separated by commas whatever the locale, and
// columns measured by display width (Japanese characters take two). The run's KPI table and the planning
// reports (compare, optimize) both use these, so the same value reads the same everywhere.
#include <cstddef>
#include <string>
#include <string_view>

namespace kyoten::presentation {

struct ShownUnit {
  double scale = 1;              // multiply a value in the KPI's own unit by this
  std::string ja, en;            // e.g. "千円" / "thousand yen"
  std::string diff_ja, diff_en;  // unit of a difference: "ポイント" / "points" for shares, else as above
};

// For a unit of hub::KpiInfo ("count", "share", "minutes", "hours", "days", "yen"); unknown units as counts.
ShownUnit shown_unit(std::string_view unit);

// Decimals that show an interval's first two significant digits (half-width 3.2 → 1, 0.45 → 2, at most 3);
// without an interval, enough for the value's size (≥ 100 → 0, ≥ 10 → 1, else 2), and none for an exact 0.
int decimals_for(double value, double half_width);

// `value` rounded to `decimals`, commas between thousands; "-" for a missing value; never "-0".
std::string format_number(double value, int decimals);

// Terminal columns of UTF-8 text as fmt counts them when padding (East Asian wide characters count two).
std::size_t display_width(std::string_view text);

}  // namespace kyoten::presentation
