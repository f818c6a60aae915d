#pragma once
// The coordinators of every center during a run: how many are on duty this hour, how many are working a case,
// whether the on-call coordinator is out, and the calls waiting for someone to answer. Which center serves a
// region, and the order in which a center hands calls to another when it cannot answer, come from the scenario.
#include <cstdint>
#include <deque>
#include <vector>

#include "models/hub/scenario.hpp"
#include "sim/time/civil_calendar.hpp"

namespace kyoten::hub {

// Who can take work at a center right now.
enum class FreeCoordinator : std::uint8_t { None, OnDuty, OnCall };

// The center and kind of coordinator that answers a new call.
struct Answerer {
  int center = -1;  // -1: nobody can answer now, the call waits at its own center
  bool on_call = false;
};

class Coordinators {
 public:
  explicit Coordinators(const Scenario& scenario);

  [[nodiscard]] int centers() const { return static_cast<int>(centers_.size()); }
  [[nodiscard]] int center_of_region(int region) const { return center_of_region_[region]; }
  [[nodiscard]] int on_duty(int center) const { return centers_[center].on_duty; }
  [[nodiscard]] int total_on_duty() const;
  // Puts each center's schedule for the hour starting at t in force.
  void start_hour(const sim::CivilCalendar& calendar, double t);

  // A coordinator free at `center`: one on duty first, else the on-call one when nobody is on duty.
  [[nodiscard]] FreeCoordinator free_at(int center) const;
  [[nodiscard]] bool on_duty_free(int center) const { return centers_[center].busy < centers_[center].on_duty; }
  // A new call to `center`: taken there if nobody is waiting and someone is free, else by the first overflow
  // center with nobody waiting and someone free.
  [[nodiscard]] Answerer answerer_for(int center) const;
  void take(int center, bool on_call);
  void release(int center, bool on_call);

  void wait(int center, std::uint32_t case_id) { centers_[center].waiting.push_back(case_id); }
  [[nodiscard]] bool anyone_waiting(int center) const { return !centers_[center].waiting.empty(); }
  std::uint32_t next_waiting(int center);

  // Staff cost of the hours [from, until) of one day with the schedule now in force: scheduled hours with the
  // night and holiday premiums, or the on-call allowance where nobody is on duty.
  [[nodiscard]] double staff_cost_yen(const sim::CivilCalendar& calendar, double from, double until) const;

 private:
  struct CenterState {
    int on_duty = 0;
    int busy = 0;
    bool on_call_busy = false;
    std::deque<std::uint32_t> waiting;  // cases waiting for a coordinator, first come first served
  };

  const Scenario* sc_;
  std::vector<CenterState> centers_;
  std::vector<int> center_of_region_;
};

}  // namespace kyoten::hub
