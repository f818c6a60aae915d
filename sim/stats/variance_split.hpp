#pragma once
// Splitting the variance of an output over replications run in pairs that share one draw of something (the
// parameters), after the nested design of two-level Monte Carlo: within a pair only the stochastic part
// varies, so E[(y_a - y_b)^2 / 2] is the stochastic variance; what the total has beyond it comes from the
// shared draw.
#include <cstddef>
#include <span>

namespace kyoten::sim {

struct VarianceSplit {
  std::size_t pairs = 0;          // complete pairs with both values finite
  double total = 0;               // sample variance of the values of those pairs
  double stochastic = 0;          // mean over pairs of (y_a - y_b)^2 / 2
  double parameter = 0;           // max(0, total - stochastic)
  double parameter_share = 0;     // parameter / total (NaN when total is 0)
};

// Pairs are (values[2k], values[2k+1]); a pair with a non-finite value is left out. NaN fields below 2 pairs.
VarianceSplit pair_variance_split(std::span<const double> values);

}  // namespace kyoten::sim
