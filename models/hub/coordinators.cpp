#include "models/hub/coordinators.hpp"

#include <algorithm>
#include <cmath>

namespace kyoten::hub {
namespace {
// 深夜 (late-night work) under 労働基準法 第37条第4項: 22:00 to 5:00.
constexpr int kNightStart = 22, kNightEnd = 5;
bool night_hour(int hour) { return hour >= kNightStart || hour < kNightEnd; }
}  // namespace

Coordinators::Coordinators(const Scenario& sc, const sim::CivilCalendar& calendar)
    : sc_(&sc), calendar_(&calendar), centers_(sc.centers.size()), taken_(sc.centers.size()) {
  center_of_region_.assign(sc.regions.size(), 0);
  for (int c = static_cast<int>(sc.centers.size()) - 1; c >= 0; --c) {
    for (int region : sc.centers[c].regions) center_of_region_[region] = c;  // the first center listing it wins
  }
  const int hour_of_week_at_zero = calendar.hour_of_week(0.0);
  for (CenterState& cs : centers_) {
    cs.within.fill(sim::HourOfWeekIntegral(hour_of_week_at_zero));
    cs.beyond.fill(sim::HourOfWeekIntegral(hour_of_week_at_zero));
  }
}

void Coordinators::start_hour(double t) {
  const bool holiday = calendar_->is_holiday(t);
  const int how = calendar_->hour_of_week(t);
  for (std::size_t c = 0; c < centers_.size(); ++c) {
    const int center = static_cast<int>(c);
    settle(center, t);
    centers_[c].on_duty = sc_->centers[c].staff.on_duty(holiday, how);
    set_levels(center, t);
  }
}

FreeCoordinator Coordinators::free_at(int center) const {
  const CenterState& cs = centers_[center];
  if (cs.busy < cs.on_duty) return FreeCoordinator::OnDuty;
  if (cs.on_duty == 0 && sc_->centers[center].on_call_delay_hours && !cs.on_call_busy) return FreeCoordinator::OnCall;
  return FreeCoordinator::None;
}

bool Coordinators::may_leave_for_visit(int center) const { return on_duty_free(center) && one_may_leave(center); }

bool Coordinators::one_may_leave(int center) const {
  const CenterState& cs = centers_[center];
  return cs.on_duty - cs.out_on_visits - 1 >= sc_->centers[center].min_at_phones;
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

void Coordinators::take(int center, bool on_call, Duty duty, double t) {
  settle(center, t);
  CenterState& cs = centers_[center];
  if (on_call) {
    cs.on_call_busy = true;
    cs.on_call_duty = duty;
    cs.extra.call_outs += 1;
    cs.extra.call_out_yen += sc_->centers[center].call_out_fee_yen;
    set_levels(center, t);
  } else {
    ++cs.busy;
    ++cs.busy_by_duty[static_cast<int>(duty)];
    set_levels(center, t, duty, duty);
  }
}

void Coordinators::release(int center, bool on_call, Duty duty, double t) {
  settle(center, t);
  CenterState& cs = centers_[center];
  if (on_call) {
    cs.on_call_busy = false;
    set_levels(center, t);
  } else {
    --cs.busy;
    --cs.busy_by_duty[static_cast<int>(duty)];
    set_levels(center, t, duty, duty);
  }
}

void Coordinators::change_duty(int center, bool on_call, Duty from, Duty to, double t) {
  settle(center, t);
  CenterState& cs = centers_[center];
  if (on_call) {
    cs.on_call_duty = to;
    set_levels(center, t);
  } else {
    --cs.busy_by_duty[static_cast<int>(from)];
    ++cs.busy_by_duty[static_cast<int>(to)];
    set_levels(center, t, from, to);
  }
}

std::uint32_t Coordinators::next_waiting(int center) {
  auto& waiting = centers_[center].waiting;
  const std::uint32_t id = waiting.front();
  waiting.pop_front();
  return id;
}

double Coordinators::staff_cost_yen(double from, double until) const {
  // Night work (22:00–5:00) and work on Sundays and public holidays carry the statutory premiums.
  const bool holiday = calendar_->day_type(from) == sim::DayType::SundayOrHoliday;
  const int first = calendar_->hour_of_day(from);
  const int last = first + static_cast<int>(std::lround(until - from));
  int night_hours = 0;
  for (int hour = first; hour < last; ++hour) night_hours += night_hour(hour) ? 1 : 0;
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

double Coordinators::premium_rate(const Center& spec, double t) const {
  // 労働基準法 第37条 and its cabinet order: work beyond the schedule at least +25%, on a rest day (休日)
  // +35% instead, and late-night work a further +25%.
  const bool holiday = calendar_->day_type(t) == sim::DayType::SundayOrHoliday;
  const double premium = (holiday ? spec.holiday_premium : spec.overtime_premium) +
                         (night_hour(calendar_->hour_of_day(t)) ? spec.night_premium : 0.0);
  return spec.staff_cost_per_hour_yen * (1.0 + premium);
}

void Coordinators::settle(int center, double t) {
  CenterState& cs = centers_[center];
  const int overtime = std::max(0, cs.busy - cs.on_duty);
  const int call_out = cs.on_call_busy ? 1 : 0;
  const Center& spec = sc_->centers[center];
  // Pieces that each lie in one premium band of one day: split at 5:00, 22:00 and midnight.
  for (double from = cs.settled_until; (overtime > 0 || call_out > 0) && from < t;) {
    const double midnight = calendar_->day_index(from) * static_cast<double>(sim::kHoursPerDay);
    const double hour = from - midnight;
    const double boundary = midnight + (hour < kNightEnd ? kNightEnd : hour < kNightStart ? kNightStart : sim::kHoursPerDay);
    const double to = std::min(t, boundary);
    const double hours = to - from, rate = premium_rate(spec, from);
    cs.extra.overtime_hours += overtime * hours;
    cs.extra.overtime_yen += overtime * hours * rate;
    cs.extra.call_out_hours += call_out * hours;
    cs.extra.call_out_yen += call_out * hours * rate;
    from = to;
  }
  cs.settled_until = t;
}

void Coordinators::set_levels(int center, double t) {
  // Coordinators at work beyond the schedule share each duty's work in proportion: with 3 at work and 2 on
  // duty, two thirds of each duty's coordinator-time is within the schedule and one third is overtime.
  CenterState& cs = centers_[center];
  const bool overtime = cs.busy > cs.on_duty;
  const double within_share = overtime ? static_cast<double>(cs.on_duty) / cs.busy : 1.0;
  const double beyond_share = overtime ? static_cast<double>(cs.busy - cs.on_duty) / cs.busy : 0.0;
  const int on_call_duty = cs.on_call_busy ? static_cast<int>(cs.on_call_duty) : -1;
  for (int d = 0; d < kDuties; ++d) {
    const int busy = cs.busy_by_duty[d];
    const double within = overtime ? busy * within_share : busy;
    const double beyond = (overtime ? busy * beyond_share : 0.0) + (on_call_duty == d ? 1.0 : 0.0);
    if (within != cs.within[d].level()) cs.within[d].set(t, within);
    if (beyond != cs.beyond[d].level()) cs.beyond[d].set(t, beyond);
  }
  cs.levels_with_overtime = overtime;
}

void Coordinators::set_levels(int center, double t, Duty a, Duty b) {
  CenterState& cs = centers_[center];
  if (cs.levels_with_overtime || cs.busy > cs.on_duty) return set_levels(center, t);
  for (const Duty duty : {a, b}) {
    const int d = static_cast<int>(duty);
    const double within = cs.busy_by_duty[d];
    const double beyond = cs.on_call_busy && cs.on_call_duty == duty ? 1.0 : 0.0;
    if (within != cs.within[d].level()) cs.within[d].set(t, within);
    if (beyond != cs.beyond[d].level()) cs.beyond[d].set(t, beyond);
  }
}

std::span<const ExtraWork> Coordinators::take_extra_work(double t) {
  for (std::size_t c = 0; c < centers_.size(); ++c) {
    settle(static_cast<int>(c), t);
    taken_[c] = centers_[c].extra;
    centers_[c].extra = ExtraWork{};
  }
  return taken_;
}

void Coordinators::restart_statistics(double t) {
  for (CenterState& cs : centers_) {
    for (auto& integral : cs.within) integral.restart(t);
    for (auto& integral : cs.beyond) integral.restart(t);
  }
}

const StaffHours& Coordinators::staff_hours(int center, double t) {
  CenterState& cs = centers_[center];
  for (int d = 0; d < kDuties; ++d) {
    cs.hours.busy[d] = cs.within[d].totals(t);
    cs.hours.overtime[d] = cs.beyond[d].totals(t);
  }
  return cs.hours;
}

}  // namespace kyoten::hub
