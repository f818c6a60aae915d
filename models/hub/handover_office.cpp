#include "models/hub/handover_office.hpp"

#include <algorithm>
#include <cmath>

namespace kyoten::hub {
std::optional<double> handover_opening(const sim::CivilCalendar& calendar, const HandoverOffice& office, double t) {
  const double latest = t + office.max_wait_hours;
  for (double day = std::floor(t / sim::kHoursPerDay) * sim::kHoursPerDay; day + office.open_hour <= latest;
       day += sim::kHoursPerDay) {
    const bool working_day = office.every_day || calendar.day_type(day) == sim::DayType::Weekday;
    if (!working_day || t >= day + office.close_hour) continue;
    return std::max(t, day + office.open_hour);
  }
  return std::nullopt;
}

}  // namespace kyoten::hub
