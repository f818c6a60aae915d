#include "models/hub/coordinators.hpp"

#include <cmath>

namespace kyoten::hub {

Coordinators::Coordinators(const Scenario& sc) : sc_(&sc), centers_(sc.centers.size()) {
  center_of_region_.assign(sc.regions.size(), 0);
  for (int c = static_cast<int>(sc.centers.size()) - 1; c >= 0; --c) {
    for (int region : sc.centers[c].regions) center_of_region_[region] = c;  // the first center listing it wins
  }
}

int Coordinators::total_on_duty() const {
  int n = 0;
  for (const CenterState& cs : centers_) n += cs.on_duty;
  return n;
}

void Coordinators::start_hour(const sim::CivilCalendar& calendar, double t) {
  const bool holiday = calendar.is_holiday(t);
  const int how = calendar.hour_of_week(t);
  for (std::size_t c = 0; c < centers_.size(); ++c) centers_[c].on_duty = sc_->centers[c].staff.on_duty(holiday, how);
}

FreeCoordinator Coordinators::free_at(int center) const {
  const CenterState& cs = centers_[center];
  if (cs.busy < cs.on_duty) return FreeCoordinator::OnDuty;
  if (cs.on_duty == 0 && sc_->centers[center].on_call_delay_hours && !cs.on_call_busy) return FreeCoordinator::OnCall;
  return FreeCoordinator::None;
}

Answerer Coordinators::answerer_for(int center) const {
  const auto free_and_nobody_waiting = [&](int c) {
    return centers_[c].waiting.empty() ? free_at(c) : FreeCoordinator::None;
  };
  if (const FreeCoordinator f = free_and_nobody_waiting(center); f != FreeCoordinator::None) {
    return {center, f == FreeCoordinator::OnCall};
  }
  for (int other : sc_->centers[center].overflow) {
    if (const FreeCoordinator f = free_and_nobody_waiting(other); f != FreeCoordinator::None) {
      return {other, f == FreeCoordinator::OnCall};
    }
  }
  return {};
}

void Coordinators::take(int center, bool on_call) {
  if (on_call) {
    centers_[center].on_call_busy = true;
  } else {
    ++centers_[center].busy;
  }
}

void Coordinators::release(int center, bool on_call) {
  if (on_call) {
    centers_[center].on_call_busy = false;
  } else {
    --centers_[center].busy;
  }
}

std::uint32_t Coordinators::next_waiting(int center) {
  auto& waiting = centers_[center].waiting;
  const std::uint32_t id = waiting.front();
  waiting.pop_front();
  return id;
}

double Coordinators::staff_cost_yen(const sim::CivilCalendar& calendar, double from, double until) const {
  // Night work (22:00–5:00) and work on Sundays and public holidays carry the statutory premiums.
  constexpr int kNightStart = 22, kNightEnd = 5;
  const bool holiday = calendar.day_type(from) == sim::DayType::SundayOrHoliday;
  const int first = calendar.hour_of_day(from);
  const int last = first + static_cast<int>(std::lround(until - from));
  int night_hours = 0;
  for (int hour = first; hour < last; ++hour) night_hours += hour >= kNightStart || hour < kNightEnd ? 1 : 0;
  const int hours = last - first;
  double yen = 0;
  for (std::size_t c = 0; c < centers_.size(); ++c) {
    const Center& spec = sc_->centers[c];
    const int on_duty = centers_[c].on_duty;
    if (on_duty > 0) {
      const double base = on_duty * spec.staff_cost_per_hour_yen;
      const double holiday_factor = holiday ? spec.holiday_premium : 0.0;
      yen += base * ((1.0 + holiday_factor) * hours + spec.night_premium * night_hours);
    } else if (spec.on_call_delay_hours) {
      yen += spec.on_call_cost_per_hour_yen * hours;
    }
  }
  return yen;
}

}  // namespace kyoten::hub
