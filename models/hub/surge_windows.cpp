#include "models/hub/surge_windows.hpp"

#include <algorithm>
#include <limits>

namespace kyoten::hub {

SurgeWindows::SurgeWindows(const std::vector<Surge>& surges, const sim::CivilCalendar& calendar) {
  for (const Surge& s : surges) {
    Window w;
    w.from = calendar.time_of(s.start);
    w.to = w.from + s.days * sim::kHoursPerDay;
    windows_.push_back(w);
  }
}

void SurgeWindows::emergency(double call_time) {
  in_windows_of(call_time, [](Window& w) { w.record.emergencies += 1; });
}

void SurgeWindows::outcome(double call_time, Outcome outcome, double now) {
  in_windows_of(call_time, [&](Window& w) {
    if (outcome == Outcome::Unresolved) w.record.unplaced += 1;
    else if (outcome != Outcome::HandedOver) w.arrange_hours.add(now - call_time);
  });
}

void SurgeWindows::search_found_no_bed(double call_time) {
  in_windows_of(call_time, [](Window& w) { w.record.searches_without_bed += 1; });
}

void SurgeWindows::add_full_hours(double until) {
  for (Window& w : windows_) w.full_hours += std::max(0.0, std::min(until, w.to) - std::max(full_since_, w.from));
}

void SurgeWindows::rooms_full(double now, bool full) {
  if (full == full_) return;
  if (full_) add_full_hours(now);
  full_ = full;
  full_since_ = now;
}

std::vector<SurgeRecord> SurgeWindows::results(double now, bool has_rooms) const {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  std::vector<SurgeRecord> out;
  for (const Window& w : windows_) {
    SurgeRecord r = w.record;
    r.arranged = static_cast<double>(w.arrange_hours.count());
    r.arrange_hours_mean = w.arrange_hours.count() > 0 ? w.arrange_hours.mean() : kNaN;
    double full_hours = w.full_hours;
    if (full_) full_hours += std::max(0.0, std::min(now, w.to) - std::max(full_since_, w.from));
    const double hours = std::min(now, w.to) - w.from;
    r.rooms_full_share = has_rooms && hours > 0 ? full_hours / hours : kNaN;
    out.push_back(r);
  }
  return out;
}

}  // namespace kyoten::hub
