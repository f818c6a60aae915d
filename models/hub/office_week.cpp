#include "models/hub/office_week.hpp"

#include <algorithm>

#include "models/hub/time_bands.hpp"

namespace kyoten::hub {
namespace {
constexpr int kWorkdays = 5;  // Monday–Friday: the weekday band's days

// The first hour after `hour` within its day at which `differs(hour, later)` holds, or 24.
template <class Differs>
std::uint8_t next_change_after(int hour, Differs&& differs) {
  int later = hour + 1;
  while (later < sim::kHoursPerDay && !differs(hour, later)) ++later;
  return static_cast<std::uint8_t>(later);
}
}  // namespace

OfficeWeek::OfficeWeek(const Scenario& sc)
    : planned_capacity_(sc.centers.size()), hours_to_capacity_(sc.centers.size()) {
  for (int h = 0; h < sim::kHoursPerWeek; ++h) {
    office_[h] = h / sim::kHoursPerDay < kWorkdays &&
                 weekday_band(h % sim::kHoursPerDay, sc.calls.band_hours) == TimeBand::WeekdayDaytime;
    for (std::size_t c = 0; c < sc.centers.size(); ++c) {
      const Center& center = sc.centers[c];
      planned_capacity_[c][h] = office_[h] ? std::max(0, center.staff.on_duty(false, h) - center.min_at_phones) : 0;
    }
  }
  for (std::size_t c = 0; c < sc.centers.size(); ++c) {
    for (int h = 0; h < sim::kHoursPerWeek; ++h) {
      int ahead = 0;
      while (ahead < sim::kHoursPerWeek && planned_capacity_[c][(h + ahead) % sim::kHoursPerWeek] == 0) ++ahead;
      hours_to_capacity_[c][h] = ahead < sim::kHoursPerWeek ? ahead : -1;
    }
  }
  const auto staffing_differs = [&](bool holiday, int week_hour, int other_week_hour) {
    return std::any_of(sc.centers.begin(), sc.centers.end(), [&](const Center& c) {
      return c.staff.on_duty(holiday, week_hour) != c.staff.on_duty(holiday, other_week_hour);
    });
  };
  for (int h = 0; h < sim::kHoursPerWeek; ++h) {
    const int midnight = h - h % sim::kHoursPerDay;
    next_change_[h] = next_change_after(h % sim::kHoursPerDay, [&](int hour, int later) {
      return office_[midnight + hour] != office_[midnight + later] ||
             staffing_differs(false, midnight + hour, midnight + later);
    });
  }
  for (int h = 0; h < sim::kHoursPerDay; ++h) {
    next_change_holiday_[h] =
        next_change_after(h, [&](int hour, int later) { return staffing_differs(true, hour, later); });
  }
}

}  // namespace kyoten::hub
