#include "models/hub/time_bands.hpp"

namespace kyoten::hub {
namespace {
constexpr int kWorkdays = 5;  // Monday–Friday; the calendar's weekday 5 and 6 are Saturday and Sunday
}

TimeBand weekday_band(int hour_of_day, const TimeBandHours& h) {
  if (hour_of_day >= h.day_start && hour_of_day < h.evening_start) return TimeBand::WeekdayDaytime;
  if (hour_of_day >= h.evening_start && hour_of_day < h.night_start) return TimeBand::WeekdayEvening;
  return TimeBand::WeekdayNight;
}

TimeBand band_at(const sim::CivilCalendar& calendar, sim::Time t, const TimeBandHours& hours) {
  if (calendar.day_type(t) != sim::DayType::Weekday) return TimeBand::WeekendHoliday;
  return weekday_band(calendar.hour_of_day(t), hours);
}

std::array<int, kTimeBands> band_hours_per_week(const TimeBandHours& hours) {
  std::array<int, kTimeBands> n{};
  for (int h = 0; h < sim::kHoursPerDay; ++h) n[static_cast<int>(weekday_band(h, hours))] += kWorkdays;
  n[static_cast<int>(TimeBand::WeekendHoliday)] = (sim::kDaysPerWeek - kWorkdays) * sim::kHoursPerDay;
  return n;
}

sim::WeeklyProfile band_profile(const std::array<double, kTimeBands>& share, const TimeBandHours& hours) {
  const auto n = band_hours_per_week(hours);
  std::array<double, kTimeBands> m{};
  for (int b = 0; b < kTimeBands; ++b) m[b] = n[b] > 0 ? share[b] * sim::kHoursPerWeek / n[b] : 0.0;
  sim::WeeklyProfile p;
  for (int how = 0; how < sim::kHoursPerWeek; ++how) {
    const int day = how / sim::kHoursPerDay;
    const int hour = how % sim::kHoursPerDay;
    const TimeBand b = day < kWorkdays ? weekday_band(hour, hours) : TimeBand::WeekendHoliday;
    p.hour_of_week[how] = m[static_cast<int>(b)];
  }
  p.holiday.fill(m[static_cast<int>(TimeBand::WeekendHoliday)]);
  return p;
}

sim::WeeklyProfile hour_of_week_profile(const std::array<double, sim::kHoursPerWeek>& weights) {
  double sum = 0;
  for (double w : weights) sum += w;
  sim::WeeklyProfile p;
  for (int h = 0; h < sim::kHoursPerWeek; ++h) p.hour_of_week[h] = sum > 0 ? weights[h] * sim::kHoursPerWeek / sum : 0;
  constexpr int kSundayStart = 6 * sim::kHoursPerDay;
  for (int h = 0; h < sim::kHoursPerDay; ++h) p.holiday[h] = p.hour_of_week[kSundayStart + h];
  return p;
}

}  // namespace kyoten::hub
