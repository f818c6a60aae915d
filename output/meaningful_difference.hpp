#pragma once
// The smallest difference in a KPI a planner would act on, by the KPI's unit: 1 minute, 0.1 hour, 0.1 day,
// 1 percentage point, 1 person or event, and 1% of cost (money is judged relative to its size). These are
// written assumptions (docs/planning.md), not measured: a planner overrides them where their own threshold
// differs. `compare` and `optimize` call a difference inside ±MMD "no practical difference"; `run --precision`
// accepts a half-width within the absolute MMD for a KPI near zero.
#include <string_view>

namespace kyoten::output {

struct MeaningfulDifference {
  double absolute = 0;  // in the KPI's own unit (shares as fractions)
  double relative = 0;  // of the larger of the two means (money)
};

MeaningfulDifference default_meaningful_difference(std::string_view unit);

}  // namespace kyoten::output
