#include "sim/random/nhpp.hpp"

#include <stdexcept>

namespace kyoten::sim {

PiecewiseLinear::PiecewiseLinear(std::vector<std::pair<Time, double>> knots) : knots_(std::move(knots)) {
  for (std::size_t i = 1; i < knots_.size(); ++i) {
    if (knots_[i].first < knots_[i - 1].first) throw std::invalid_argument("PiecewiseLinear knots must be sorted");
  }
}

double PiecewiseLinear::at(Time t) const {
  if (knots_.empty()) return 0.0;
  if (t <= knots_.front().first) return knots_.front().second;
  if (t >= knots_.back().first) return knots_.back().second;
  const auto hi = std::upper_bound(knots_.begin(), knots_.end(), t,
                                   [](Time x, const std::pair<Time, double>& k) { return x < k.first; });
  const auto lo = hi - 1;
  const double span = hi->first - lo->first;
  if (span <= 0) return hi->second;
  return lo->second + (t - lo->first) / span * (hi->second - lo->second);
}

}  // namespace kyoten::sim
