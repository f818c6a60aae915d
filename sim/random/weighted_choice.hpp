#pragma once
// An index drawn with probability proportional to non-negative weights: one uniform, no allocation.
// (boost::random::discrete_distribution precomputes an alias table: better for many draws from one set.)
#include <span>

#include "sim/random/stream.hpp"

namespace kyoten::sim {

inline int draw_weighted(std::span<const double> weights, RandomStream& s) {
  double total = 0;
  for (double w : weights) total += w;
  double u = s.uniform() * total;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    u -= weights[i];
    if (u < 0) return static_cast<int>(i);
  }
  return static_cast<int>(weights.size()) - 1;  // u landed on the total through rounding
}

}  // namespace kyoten::sim
