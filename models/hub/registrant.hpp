#pragma once
// A person on the register (or an unregistered caller), with the attributes that decide which facilities
// can take them and how readily.
#include <cstdint>

#include "models/hub/scenario.hpp"
#include "sim/random/stream.hpp"
#include "sim/time/units.hpp"

namespace kyoten::hub {

struct Registrant {
  double registered_at = 0;
  std::int32_t active_position = -1;  // index in the active list; -1 once left (or never registered)
  std::uint16_t region = 0;
  std::uint16_t age_band = 0;
  bool physical = false, intellectual = false, mental = false;
  bool medical_care = false;
  bool behavioural = false;
  bool ageing_caregiver = false;
  bool advance_plan = false;
  bool child = false;
  bool assessed = false;
  bool awaiting_assessment = false;
  bool hub_use_approved = false;   // Nishitokyo: contract and coordination meeting done (HubUseApproval)
  bool awaiting_approval = false;
  double assessment_due_at = 0;  // when the awaited (re-)assessment fell due
  double assessment_late_after_days = 0;   // its deadline, by the rule in force when it fell due
  double assessment_grace_after_days = 0;  // the deadline plus any extra grace then in force
  std::uint64_t known_facilities = 0;  // bit f set once the person has stayed at facility f

  [[nodiscard]] bool knows(int facility) const { return (known_facilities >> facility) & 1u; }
};

// How long an awaited assessment has waited if it starts at `now`, and whether that is past its deadline and past
// the deadline plus the grace in force when it fell due: one rule for the assessments started (the recorder) and
// for those still awaited at the end (the population).
struct AssessmentWait {
  double days = 0;
  bool late = false;
  bool past_grace = false;
};
[[nodiscard]] inline AssessmentWait assessment_wait(const Registrant& r, double now) {
  const double days = (now - r.assessment_due_at) / sim::kHoursPerDay;
  return {days, days > r.assessment_late_after_days, days > r.assessment_grace_after_days};
}

// Draws a new person's attributes from the scenario's mix (region by registrant weight).
Registrant draw_registrant(const Scenario& scenario, sim::RandomStream& stream, double now);

}  // namespace kyoten::hub
