#pragma once
// What the plan in force says of each hour of the week, worked out once per plan rather than per event: whether
// it is office hours (weekday daytime, when planned work is done), how many of each center's coordinators may
// then be away from the phones for planned work, and the next hour of the same day at which either of those or
// the number on duty changes (where the model must tick). A public holiday follows the holiday schedule all day
// and has no office hours.
#include <array>
#include <cstdint>
#include <vector>

#include "models/hub/scenario.hpp"
#include "sim/time/units.hpp"

namespace kyoten::hub {

class OfficeWeek {
 public:
  OfficeWeek() = default;
  explicit OfficeWeek(const Scenario& sc);

  // `week_hour`: 0–167, 0 = Monday 00:00–01:00.
  [[nodiscard]] bool office_hours(bool holiday, int week_hour) const { return !holiday && office_[week_hour]; }
  // Coordinator-hours free for planned work in that hour (0 outside office hours).
  [[nodiscard]] int planned_capacity(int center, bool holiday, int week_hour) const {
    return holiday ? 0 : planned_capacity_[static_cast<std::size_t>(center)][week_hour];
  }
  // Hours from `week_hour` to the first hour of the week, on an ordinary day, with capacity for planned work
  // at `center` (0 if it has some), or -1 if it has none all week.
  [[nodiscard]] int hours_to_capacity(int center, int week_hour) const {
    return hours_to_capacity_[static_cast<std::size_t>(center)][week_hour];
  }
  // The first later hour of that day (1–24; 24 = the next midnight) at which something the ticks follow changes.
  [[nodiscard]] int next_change_hour(bool holiday, int week_hour) const {
    return holiday ? next_change_holiday_[week_hour % sim::kHoursPerDay] : next_change_[week_hour];
  }

 private:
  std::array<bool, sim::kHoursPerWeek> office_{};
  std::vector<std::array<int, sim::kHoursPerWeek>> planned_capacity_;
  std::vector<std::array<int, sim::kHoursPerWeek>> hours_to_capacity_;
  std::array<std::uint8_t, sim::kHoursPerWeek> next_change_{};
  std::array<std::uint8_t, sim::kHoursPerDay> next_change_holiday_{};
};

}  // namespace kyoten::hub
