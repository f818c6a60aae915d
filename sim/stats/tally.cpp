#include "sim/stats/tally.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace kyoten::sim {

void Tally::add(double x) {
  ++n_;
  const double delta = x - mean_;
  mean_ += delta / static_cast<double>(n_);
  m2_ += delta * (x - mean_);
  min_ = std::min(min_, x);
  max_ = std::max(max_, x);
  if (keep_values_) values_.push_back(x);
}

void Tally::clear() {
  *this = Tally(keep_values_);
}

double Tally::variance() const {
  return n_ > 1 ? m2_ / static_cast<double>(n_ - 1) : std::numeric_limits<double>::quiet_NaN();
}

double Tally::stddev() const { return std::sqrt(variance()); }

double Tally::quantile(double p) const {
  assert(keep_values_);
  if (values_.empty()) return std::numeric_limits<double>::quiet_NaN();
  std::vector<double> v = values_;
  std::sort(v.begin(), v.end());
  const double h = std::clamp(p, 0.0, 1.0) * static_cast<double>(v.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (h - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

double Tally::fraction_at_most(double x) const {
  assert(keep_values_);
  if (values_.empty()) return std::numeric_limits<double>::quiet_NaN();
  const auto k = std::count_if(values_.begin(), values_.end(), [x](double v) { return v <= x; });
  return static_cast<double>(k) / static_cast<double>(values_.size());
}

void TimeWeighted::set(double t, double level) {
  assert(t >= last_time_);
  area_ += level_ * (t - last_time_);
  last_time_ = t;
  level_ = level;
}

double TimeWeighted::integral(double t) const { return area_ + level_ * (t - last_time_); }

double TimeWeighted::mean(double t) const {
  const double span = t - start_;
  return span > 0 ? integral(t) / span : level_;
}

void TimeWeighted::restart(double t) {
  start_ = t;
  last_time_ = t;
  area_ = 0.0;
}

}  // namespace kyoten::sim
