#pragma once
// The windows of the scenario's surges (災害時) and what happened inside each: the emergencies called there, how
// they ended and how fast, searches that found no bed, and the hours with every hub room in use.
#include <vector>

#include "models/hub/results.hpp"
#include "models/hub/scenario.hpp"
#include "sim/stats/tally.hpp"
#include "sim/time/civil_calendar.hpp"

namespace kyoten::hub {

class SurgeWindows {
 public:
  SurgeWindows(const std::vector<Surge>& surges, const sim::CivilCalendar& calendar);

  [[nodiscard]] bool empty() const { return windows_.empty(); }
  void emergency(double call_time);
  void outcome(double call_time, Outcome outcome, double now);
  void search_found_no_bed(double call_time);
  // Whether every hub room is in use from `now` on (call at every change of the rooms in use or in force).
  void rooms_full(double now, bool full);
  [[nodiscard]] std::vector<SurgeRecord> results(double now, bool has_rooms) const;

 private:
  struct Window {
    double from = 0, to = 0;  // model hours
    SurgeRecord record;
    sim::Tally arrange_hours;
    double full_hours = 0;
  };
  template <class Fn>
  void in_windows_of(double t, Fn&& fn) {
    for (Window& w : windows_)
      if (t >= w.from && t < w.to) fn(w);
  }
  void add_full_hours(double until);

  std::vector<Window> windows_;
  bool full_ = false;
  double full_since_ = 0;
};

}  // namespace kyoten::hub
