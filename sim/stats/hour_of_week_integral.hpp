#pragma once
// The integral of a piecewise-constant level split by hour of the week (0 = Monday 00:00–01:00): e.g. busy
// coordinator-hours at each of the 168 hours, for a utilisation heat map, without an event every hour.
// Time is in hours from a midnight whose hour of the week is given (no daylight saving: whole hours are whole).
#include <array>

#include "sim/time/units.hpp"

namespace kyoten::sim {

class HourOfWeekIntegral {
 public:
  static constexpr int kHours = kHoursPerWeek;

  explicit HourOfWeekIntegral(int hour_of_week_at_zero = 0, double start_time = 0.0, double level = 0.0);

  // The level changes to `level` at time t (t must not go backwards).
  void set(double t, double level);
  void add(double t, double delta) { set(t, level_ + delta); }
  [[nodiscard]] double level() const { return level_; }
  // Forgets what was accumulated before t, keeping the level (drops a warm-up).
  void restart(double t);
  // Level-hours accumulated at each hour of the week up to t.
  [[nodiscard]] const std::array<double, kHours>& totals(double t);

 private:
  void accumulate_until(double t);

  int hour_of_week_at_zero_;
  double last_time_;
  double level_;
  std::array<double, kHours> totals_{};
};

}  // namespace kyoten::sim
