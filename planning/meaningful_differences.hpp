#pragma once
// The minimum meaningful difference (MMD) per KPI that `compare` and `optimize` judge differences by, with the
// defaults of output::default_meaningful_difference and the user's `--mmd KPI=VALUE` overrides.
#include <array>
#include <string>
#include <vector>

#include "models/hub/results.hpp"
#include "output/meaningful_difference.hpp"

namespace kyoten::planning {

// The minimum meaningful difference of every KPI, and of a fiscal year's total cost (`cost_fy`).
struct MeaningfulDifferences {
  std::array<output::MeaningfulDifference, hub::kKpiCount> kpi{};
  output::MeaningfulDifference fiscal_year_cost{};
  std::vector<std::string> overrides;  // as given and accepted, "answer_mean_min=2"
};

// Defaults by unit (output::default_meaningful_difference).
MeaningfulDifferences default_meaningful_differences();

// `--mmd KPI=VALUE`: VALUE in the KPI's own unit (minutes, hours, shares as fractions: 0.02 = 2 points, counts);
// for money (yen KPIs and cost_fy, the fiscal-year totals) an amount in yen, or a share of cost written "2%".
// Throws InputErrors (key --mmd) for an unknown KPI, a malformed or negative value.
void set_meaningful_difference(const std::string& text, MeaningfulDifferences& mmd);

// One line naming the MMDs in force: the defaults by unit, then the overrides.
std::string describe_meaningful_differences(const MeaningfulDifferences& mmd, bool japanese);

}  // namespace kyoten::planning
