#pragma once
// How planning output shows numbers: units as the KPI table shows them (shares in %, yen in thousands), as many
// decimals as a confidence interval resolves, and columns aligned by display width (Japanese characters take
// two columns), the same conventions as models/output/terminal_table.
#include <string>
#include <string_view>
#include <vector>

#include "models/output/terminal_table.hpp"

namespace kyoten::planning {

struct ShownUnit {
  double scale = 1;              // multiply a value in the KPI's own unit by this
  std::string ja, en;            // e.g. "千円" / "thousand yen"
  std::string diff_ja, diff_en;  // unit of a difference: "ポイント" / "points" for shares, else as above
};

// For a unit of hub::KpiInfo ("count", "share", "minutes", "hours", "days", "yen").
ShownUnit shown_unit(std::string_view unit);

// Decimals that show an interval's first two significant digits; without an interval, enough for the value.
int decimals_for(double value, double half_width);

// For a difference between two values of size `scale`: an interval narrower than rounding noise (a cost that
// differs by the same amount in every replication) counts as no interval, so it is not shown to 3 decimals.
int decimals_for_difference(double difference, double half_width, double scale);

// Commas between thousands whatever the locale; "-" for a missing value; never "-0".
std::string format_number(double value, int decimals);

std::string unit_text(const ShownUnit& unit, output::Language language);

// Rows as aligned text: the first row is the header, followed by a rule; `right` marks right-aligned columns.
std::string render_table(const std::vector<std::vector<std::string>>& rows, const std::vector<bool>& right);

}  // namespace kyoten::planning
