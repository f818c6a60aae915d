#pragma once
// Interval for a proportion (the share of trials in which something happened), by the Wilson score method:
// unlike the normal (Wald) interval it stays inside [0, 1] and keeps its coverage at shares of 0 or 1, where
// a planner's "0 of 100 years overspend" needs an interval most.
#include <cstddef>

#include "sim/stats/confidence.hpp"

namespace kyoten::sim {

struct ProportionInterval {
  double share = 0;  // NaN when trials is 0
  double low = 0;
  double high = 0;
};

// Wilson score interval for `share` observed over `trials` independent trials, at confidence `level`.
ProportionInterval wilson_interval(double share, double trials, double level = kDefaultConfidenceLevel);

}  // namespace kyoten::sim
