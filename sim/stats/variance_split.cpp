#include "sim/stats/variance_split.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "sim/stats/tally.hpp"

namespace kyoten::sim {

VarianceSplit pair_variance_split(std::span<const double> values) {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  Tally all, within;
  VarianceSplit v;
  for (std::size_t k = 0; k + 1 < values.size(); k += 2) {
    const double a = values[k], b = values[k + 1];
    if (!std::isfinite(a) || !std::isfinite(b)) continue;
    all.add(a);
    all.add(b);
    within.add((a - b) * (a - b) / 2.0);
    ++v.pairs;
  }
  if (v.pairs < 2) {
    v.total = v.stochastic = v.parameter = v.parameter_share = kNaN;
    return v;
  }
  v.total = all.variance();
  v.stochastic = within.mean();
  v.parameter = std::max(0.0, v.total - v.stochastic);
  v.parameter_share = v.total > 0 ? v.parameter / v.total : kNaN;
  return v;
}

}  // namespace kyoten::sim
