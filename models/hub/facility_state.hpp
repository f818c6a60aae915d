#pragma once
// A short-stay facility's beds during a run. Planned (regular) stays may use only the beds not reserved for
// emergencies; emergencies and experience stays take reserved beds first, then ordinary ones. A Facility
// accepts or refuses an emergency: it needs a free bed and then says yes with a probability that depends on
// the hour and on what it knows of the person.
#include <vector>

#include "models/hub/registrant.hpp"
#include "models/hub/scenario.hpp"
#include "sim/event/event_calendar.hpp"

namespace kyoten::hub {

struct ExperienceOccupant {
  std::uint32_t booking = 0;
  sim::EventHandle end;  // cancelled if an emergency pre-empts the stay
};

class FacilityState {
 public:
  explicit FacilityState(const Facility& f) : spec_(&f) {}

  [[nodiscard]] const Facility& spec() const { return *spec_; }
  [[nodiscard]] int in_use() const { return planned_ + emergency_ + experience_; }
  [[nodiscard]] int planned() const { return planned_; }
  [[nodiscard]] int emergency() const { return emergency_; }
  [[nodiscard]] int experience() const { return static_cast<int>(experience_occupants_.size()); }

  [[nodiscard]] bool has_bed_for_emergency() const { return in_use() < spec_->beds; }
  [[nodiscard]] bool has_bed_for_experience() const { return in_use() < spec_->beds; }
  [[nodiscard]] bool has_bed_for_planned() const;
  // A reserved bed (空床確保) that nobody holds: the municipality pays for it so that an emergency is taken.
  [[nodiscard]] bool has_free_reserved_bed() const {
    return emergency_ + experience_ < spec_->reserved_emergency_beds && has_bed_for_emergency();
  }

  // Whether this facility can care for the person at all (medical care, behavioural support, children).
  [[nodiscard]] bool capable_of(const Registrant& r) const;
  // P(yes | a free bed), asked in `band`.
  [[nodiscard]] double acceptance_probability(const Registrant& r, int facility_index, TimeBand band) const;

  void admit_planned() { ++planned_; }
  void discharge_planned() { --planned_; }
  void admit_emergency() { ++emergency_; }
  void discharge_emergency() { --emergency_; }
  void admit_experience(ExperienceOccupant o) {
    experience_occupants_.push_back(o);
    ++experience_;
  }
  void discharge_experience(std::uint32_t booking);
  // Removes one experience stay to make room for an emergency; returns it so its end event can be cancelled.
  ExperienceOccupant preempt_experience();

 private:
  const Facility* spec_;
  int planned_ = 0;
  int emergency_ = 0;
  int experience_ = 0;
  std::vector<ExperienceOccupant> experience_occupants_;
};

}  // namespace kyoten::hub
