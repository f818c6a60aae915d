#pragma once
// How planning output shows numbers and tables: the number formatting of presentation/number_format (the same
// as the run's KPI table), the decimals of a difference, and rows aligned by display width.
#include <string>
#include <string_view>
#include <vector>

#include "presentation/number_format.hpp"
#include "presentation/terminal_table.hpp"

namespace kyoten::presentation {

// For a difference between two values of size `scale`: an interval narrower than rounding noise (a cost that
// differs by the same amount in every replication) counts as no interval, so it is not shown to 3 decimals.
int decimals_for_difference(double difference, double half_width, double scale);

std::string unit_text(const ShownUnit& unit, Language language);

// Rows as aligned text: the first row is the header, followed by a rule; `right` marks right-aligned columns.
std::string render_table(const std::vector<std::vector<std::string>>& rows, const std::vector<bool>& right);

}  // namespace kyoten::presentation
