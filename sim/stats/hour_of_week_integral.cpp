#include "sim/stats/hour_of_week_integral.hpp"

#include <cassert>
#include <algorithm>
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
  if (level_ != 0.0 && last_time_ < t) {
    // Hour by hour from the last change; the hour of the week steps on with the clock.
    double from = last_time_;
    double hour = std::floor(from);
    const long long first = (static_cast<long long>(hour) + hour_of_week_at_zero_) % kHours;
    auto index = static_cast<std::size_t>(first < 0 ? first + kHours : first);
    for (;;) {
      const double to = std::min(t, hour + 1.0);
      totals_[index] += level_ * (to - from);
      if (to >= t) break;
      from = to;
      hour += 1.0;
      index = index + 1 == static_cast<std::size_t>(kHours) ? 0 : index + 1;
    }
  }
  last_time_ = t;
}

}  // namespace kyoten::sim
