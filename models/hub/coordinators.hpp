#pragma once
// The coordinators of every center during a run: how many are on duty this hour, how many are working a case
// and on which duty, whether the on-call coordinator is out, and the calls waiting for someone to answer.
// Which center serves a region, and the order in which a center hands calls to another when it cannot
// answer, come from the scenario.
//
// Work beyond the schedule is paid as it is done: a case still in progress when the shift ends is overtime
// for whoever works it, and an on-call coordinator's work, from the call-out to the end of the case, is
// call-out work. Both are paid per hour at the center's hourly staff cost with the statutory premiums
// (時間外, or 休日 on Sundays and public holidays, plus 深夜 for 22:00–5:00), and a call-out also earns its fee.
// Time within the schedule and beyond it is integrated by hour of the week, per duty, for utilisation.
#include <array>
#include <cstdint>
#include <deque>
#include <span>
#include <vector>

#include "models/hub/duties.hpp"
#include "models/hub/results.hpp"
#include "models/hub/scenario.hpp"
#include "sim/stats/hour_of_week_integral.hpp"
#include "sim/time/civil_calendar.hpp"

namespace kyoten::hub {

// Who can take work at a center right now.
enum class FreeCoordinator : std::uint8_t { None, OnDuty, OnCall };

// The center and kind of coordinator that answers a new call.
struct Answerer {
  int center = -1;  // -1: nobody can answer now, the call waits at its own center
  bool on_call = false;
};

// Coordinator-hours by hour of the week at one center since statistics started.
struct StaffHours {
  std::array<std::array<double, sim::kHoursPerWeek>, kDuties> busy{};      // within the schedule
  std::array<std::array<double, sim::kHoursPerWeek>, kDuties> overtime{};  // beyond it, call-outs included
};

class Coordinators {
 public:
  Coordinators(const Scenario& scenario, const sim::CivilCalendar& calendar);

  [[nodiscard]] int centers() const { return static_cast<int>(centers_.size()); }
  [[nodiscard]] int center_of_region(int region) const { return center_of_region_[region]; }
  [[nodiscard]] int on_duty(int center) const { return centers_[center].on_duty; }
  // Puts each center's schedule for the hour starting at t in force.
  void start_hour(double t);

  // A coordinator free at `center`: one on duty first, else the on-call one when nobody is on duty.
  [[nodiscard]] FreeCoordinator free_at(int center) const;
  [[nodiscard]] bool on_duty_free(int center) const { return centers_[center].busy < centers_[center].on_duty; }
  // A free coordinator on duty may go out on a visit only if enough colleagues on duty stay at the phones.
  [[nodiscard]] bool may_leave_for_visit(int center) const;
  // One coordinator on duty (already busy, e.g. with the case to escort) may leave the office only if enough
  // colleagues on duty stay at the phones.
  [[nodiscard]] bool one_may_leave(int center) const;
  void leave_for_visit(int center) { ++centers_[center].out_on_visits; }
  void back_from_visit(int center) { --centers_[center].out_on_visits; }
  // A new call to `center`: taken there if nobody is waiting and someone is free, else by the first overflow
  // center with nobody waiting and someone free.
  [[nodiscard]] Answerer answerer_for(int center) const;
  // A coordinator starts or ends work on a duty at time t.
  void take(int center, bool on_call, Duty duty, double t);
  void release(int center, bool on_call, Duty duty, double t);
  // The coordinator working a case goes on to another duty for it (an emergency's escort) at time t.
  void change_duty(int center, bool on_call, Duty from, Duty to, double t);

  void wait(int center, std::uint32_t case_id) { centers_[center].waiting.push_back(case_id); }
  [[nodiscard]] bool anyone_waiting(int center) const { return !centers_[center].waiting.empty(); }
  std::uint32_t next_waiting(int center);

  // Staff cost of the scheduled hours [from, until) of one day with the schedule now in force, with the night
  // and holiday premiums, or the on-call allowance where nobody is on duty.
  [[nodiscard]] double staff_cost_yen(double from, double until) const;
  // Work beyond the schedule per center since the last call, settled up to t (which must not lie past the
  // next midnight, so that each day's pay falls in its own fiscal year).
  std::span<const ExtraWork> take_extra_work(double t);

  // Drops what was integrated before t (the warm-up).
  void restart_statistics(double t);
  [[nodiscard]] const StaffHours& staff_hours(int center, double t);

 private:
  struct CenterState {
    int on_duty = 0;
    int busy = 0;
    bool on_call_busy = false;
    int out_on_visits = 0;
    std::array<int, kDuties> busy_by_duty{};
    Duty on_call_duty = Duty::Inquiry;
    std::deque<std::uint32_t> waiting;  // cases waiting for a coordinator, first come first served
    double settled_until = 0;
    ExtraWork extra;
    std::array<sim::HourOfWeekIntegral, kDuties> within, beyond;
    bool levels_with_overtime = false;  // whether the levels last set shared the work beyond the schedule
    StaffHours hours;
  };
  // Accrues the pay for work beyond the schedule at `center` from its last settlement to t, at the levels
  // that held meanwhile, then brings its utilisation levels up to date. Call before any change at the center.
  void settle(int center, double t);
  void set_levels(int center, double t);
  // The same after a staffed coordinator took, left or switched work of duty `a` or `b`: only those duties'
  // levels can have moved, unless someone works beyond the schedule (then every duty's share moves).
  void set_levels(int center, double t, Duty a, Duty b);
  [[nodiscard]] double premium_rate(const Center& spec, double t) const;

  const Scenario* sc_;
  const sim::CivilCalendar* calendar_;
  std::vector<CenterState> centers_;
  std::vector<int> center_of_region_;
  std::vector<ExtraWork> taken_;
};

}  // namespace kyoten::hub
