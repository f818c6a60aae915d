#include "sim/stats/hour_of_week_integral.hpp"

#include <cassert>
#include <cmath>

namespace kyoten::sim {

HourOfWeekIntegral::HourOfWeekIntegral(int hour_of_week_at_zero, double start_time, double level)
    : hour_of_week_at_zero_(hour_of_week_at_zero), last_time_(start_time), level_(level) {}

void HourOfWeekIntegral::set(double t, double level) {
  accumulate_until(t);
  level_ = level;
}

void HourOfWeekIntegral::restart(double t) {
  accumulate_until(t);
  totals_.fill(0.0);
}

const std::array<double, HourOfWeekIntegral::kHours>& HourOfWeekIntegral::totals(double t) {
  accumulate_until(t);
  return totals_;
}

void HourOfWeekIntegral::accumulate_until(double t) {
  assert(t >= last_time_);
  if (level_ != 0.0) {
    double from = last_time_;
    while (from < t) {
      const double hour = std::floor(from);
      const double to = std::min(t, hour + 1.0);
      const long long index = (static_cast<long long>(hour) + hour_of_week_at_zero_) % kHours;
      totals_[static_cast<std::size_t>(index < 0 ? index + kHours : index)] += level_ * (to - from);
      from = to;
    }
  }
  last_time_ = t;
}

}  // namespace kyoten::sim
