#include "scenario/work_estimate.hpp"
#include "sim/time/units.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "models/hub/facility_state.hpp"

namespace kyoten::scenario {
namespace {

using sim::kDaysPerYear;
using sim::kHoursPerDay;
// Events per call beyond the search: arrival, start and end of the coordinator's work, the stay's end.
constexpr double kEventsPerCall = 4;
// Memory per person on the register (the record, its pending events) and per simulated day (daily series and
// accumulators); generous round figures, so the estimate errs high.
constexpr double kBytesPerRegistrant = 512;
constexpr double kBytesPerDay = 2048;
constexpr double kBytesPerBed = 64;

double most_registered(const hub::Registration& r) {
  double most = r.initial_registrants;
  for (const auto& [date, count] : r.expected_registered) most = std::max(most, count);
  return most;
}

}  // namespace

WorkEstimate estimate_work(const hub::Scenario& s) {
  const double days = static_cast<double>((s.horizon.end - s.horizon.start).count()) + s.horizon.warmup_days;
  const double hours = days * kHoursPerDay;
  const double years = days / kDaysPerYear;
  const double people = most_registered(s.registration);

  const double calls = (people * s.calls.per_registrant_per_year + s.calls.unregistered_per_year) * years;
  const double per_call = kEventsPerCall + s.search.max_contacts;
  const double register_changes = people * (2 + s.registration.leave_rate_per_year * years);
  const double assessments = people * (1 + days / s.assessment.reassessment_interval_days);
  const double experience = people * s.experience.requests_per_registrant_per_year * years * 3;
  double planned_stays = 0;
  double beds = s.hub.rooms + s.home_support.supporters;
  for (const auto& f : s.facilities) {
    planned_stays += 2 * hub::planned_requests_per_hour(f) * hours;  // requests, and the ends of those admitted
    planned_stays += 2 * f.wide_area.neighbour_stays_per_year * years;  // the neighbours' stays, the same way
    if (f.has_daytime_respite()) planned_stays += hours;               // respite changes at most hourly
    beds += f.beds;
  }
  // The staff on duty change at most hourly at every center; the calendar closes days and months.
  const double clock = hours * (static_cast<double>(s.centers.size()) + 1);

  WorkEstimate e;
  e.events = calls * per_call + register_changes + assessments + experience + planned_stays + clock;
  e.bytes = people * kBytesPerRegistrant + days * kBytesPerDay + beds * kBytesPerBed;
  return e;
}

std::optional<std::string> replication_too_large(const WorkEstimate& e) {
  if (!(e.events <= kMaxEventsPerReplication))
    return fmt::format("one replication would process about {:.2g} events (at most {:.0e}): the scenario's rates, "
                       "registrants, beds and horizon multiply into days of computing",
                       e.events, kMaxEventsPerReplication);
  if (!(e.bytes <= kMaxBytesPerReplication))
    return fmt::format("one replication would hold about {:.1f} GiB (at most {:.0f} GiB)",
                       e.bytes / (1024.0 * 1024 * 1024), kMaxBytesPerReplication / (1024.0 * 1024 * 1024));
  return std::nullopt;
}

std::optional<std::string> run_too_large(double events_each, double runs, const std::string& what) {
  const double total = events_each * runs;
  if (total <= kMaxEventsPerRun) return std::nullopt;
  return fmt::format("{} would process about {:.2g} events in all (about {:.2g} per replication; at most {:.0e})",
                     what, total, events_each, kMaxEventsPerRun);
}

}  // namespace kyoten::scenario
