#include "models/hub/facility_state.hpp"

#include <algorithm>
#include <cassert>

namespace kyoten::hub {

bool FacilityState::has_bed_for_planned() const {
  // Emergency and experience stays sit in reserved beds first; only their excess takes ordinary beds.
  const int overflow_into_ordinary = std::max(0, emergency_ + experience_ - spec_->reserved_emergency_beds);
  return planned_ + overflow_into_ordinary < spec_->beds - spec_->reserved_emergency_beds;
}

bool FacilityState::capable_of(const Registrant& r) const {
  if (r.medical_care && !spec_->medical_care) return false;
  if (r.behavioural && !spec_->behavioural) return false;
  if (r.child && !spec_->children) return false;
  return true;
}

double FacilityState::acceptance_probability(const Registrant& r, int facility_index, TimeBand band) const {
  const Acceptance& a = spec_->acceptance;
  double p = a.base[static_cast<int>(band)];
  if (r.assessed) p *= a.assessed_factor;
  if (r.knows(facility_index)) p *= a.known_factor;
  if (r.advance_plan) p *= a.advance_plan_factor;
  return std::min(1.0, p);
}

void FacilityState::discharge_experience(std::uint32_t booking) {
  auto it = std::find_if(experience_occupants_.begin(), experience_occupants_.end(),
                         [booking](const ExperienceOccupant& o) { return o.booking == booking; });
  assert(it != experience_occupants_.end());
  *it = experience_occupants_.back();
  experience_occupants_.pop_back();
  --experience_;
}

ExperienceOccupant FacilityState::preempt_experience() {
  assert(!experience_occupants_.empty());
  const ExperienceOccupant o = experience_occupants_.back();
  experience_occupants_.pop_back();
  --experience_;
  return o;
}

}  // namespace kyoten::hub
