// Dated changes of plan inside a run (Scenario::changes): at 00:00 of its date the plan in force is replaced and
// whatever the model derived from it is derived again. Registrants, the assessment backlog, cases in progress
// and the people in beds carry on: only what happens from that instant follows the new plan.
#include <array>

#include "models/hub/hub_simulation.hpp"

namespace kyoten::hub {

void HubSimulation::schedule_plan_changes() {
  for (std::size_t k = 0; k < run_.changes.size(); ++k)
    events_.schedule(calendar_.time_of(run_.changes[k].from), kPlanChange, static_cast<std::uint32_t>(k));
}

void HubSimulation::on_plan_change(std::uint32_t change) {
  const double now = events_.now();
  // Up to now everything ran under the plan that was in force: the hours and the day that just ended are
  // charged at its wages and premiums, its beds and rooms counted, and the planned stays played forward with
  // its beds.
  close_hours(now);
  recorder_.plan_changing(now);
  for (FacilityState& f : facilities_) f.advance_to(now);
  // What the pending call and experience candidates were drawn at; kept if unchanged, so a change that leaves
  // them alone leaves every call as in the run without it (common random numbers).
  const auto rates = [this] {
    return std::array{sc_.calls.per_registrant_per_year, sc_.calls.unregistered_per_year, call_profile_max_,
                      sc_.experience.requests_per_registrant_per_year};
  };
  const auto rates_before = rates();

  // The coordinators, supporters and recorder hold sc_ (this very object), so they follow from here on.
  plan_ = run_.changes[change].plan;

  set_call_profile();
  office_week_ = OfficeWeek(sc_);
  for (std::size_t f = 0; f < facilities_.size(); ++f) {
    const Facility& spec = sc_.facilities[f];
    facilities_[f].change_plan(spec, planned_requests_per_hour(spec));
  }
  schedule_respite_changes();  // respite follows the new plan's hours from now
  hub_rooms_.set_rooms(sc_.hub.rooms);
  planned_.recheck_capacity();
  staff_centers(now);  // a coordinator coming on duty takes a waiting case at once
  // Calls and experience requests at the new rates (thinning reads the new time-of-week profile directly).
  if (rates() != rates_before) reschedule_population_processes();
}

}  // namespace kyoten::hub
