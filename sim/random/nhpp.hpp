#pragma once
// Non-homogeneous Poisson arrivals by thinning (Lewis & Shedler 1979): candidate points from a homogeneous
// process at the bound rate, each kept with probability intensity(t) / bound. Intensities here are a
// piecewise-constant weekly profile (168 hourly multipliers) times a piecewise-linear trend over time.
#include <algorithm>
#include <array>
#include <boost/random/exponential_distribution.hpp>
#include <cassert>
#include <cmath>
#include <limits>
#include <utility>
#include <vector>

#include "sim/random/stream.hpp"
#include "sim/time/units.hpp"

namespace kyoten::sim {

// Hourly multipliers for the 168 hours of a week, hour 0 = Monday 00:00–01:00, plus a 24-hour profile for
// public holidays (whose weekday profile is not used).
struct WeeklyProfile {
  std::array<double, kHoursPerWeek> hour_of_week{};
  std::array<double, kHoursPerDay> holiday{};
  [[nodiscard]] double max() const {
    return std::max(*std::max_element(hour_of_week.begin(), hour_of_week.end()),
                    *std::max_element(holiday.begin(), holiday.end()));
  }
  static WeeklyProfile flat(double value = 1.0) {
    WeeklyProfile p;
    p.hour_of_week.fill(value);
    p.holiday.fill(value);
    return p;
  }
};

// A value that changes linearly between (time, value) knots and stays constant outside them.
class PiecewiseLinear {
 public:
  PiecewiseLinear() = default;
  explicit PiecewiseLinear(std::vector<std::pair<Time, double>> knots);  // sorted by time
  [[nodiscard]] double at(Time t) const;
  [[nodiscard]] bool empty() const { return knots_.empty(); }

 private:
  std::vector<std::pair<Time, double>> knots_;
};

// Next arrival after `from` of a process with intensity(t) <= bound everywhere on [from, horizon).
// Returns +infinity when no arrival falls before the horizon.
template <class Intensity>
Time next_arrival_by_thinning(RandomStream& s, Time from, Time horizon, double bound, Intensity&& intensity) {
  if (!(bound > 0)) return std::numeric_limits<Time>::infinity();
  boost::random::exponential_distribution<double> gap(bound);
  Time t = from;
  for (;;) {
    t += gap(s);
    if (t >= horizon) return std::numeric_limits<Time>::infinity();
    const double rate = intensity(t);
    assert(rate <= bound * (1 + 1e-9) && "thinning bound below the intensity");
    if (s.uniform() * bound < rate) return t;
  }
}

}  // namespace kyoten::sim
