#pragma once
// The emergency places outside the short-stay system (緊急一時保護: an elderly-care facility under agreement, a
// vacant house, a spare room): how many people each holds now. A place is held from the coordinator's decision
// to call it, so nobody else takes it meanwhile, and freed if it refuses or when the stay ends.
#include <vector>

#include "models/hub/registrant.hpp"
#include "models/hub/scenario.hpp"

namespace kyoten::hub {

// True if the place can take this person (it must state medical care, behavioural support or children).
[[nodiscard]] inline bool place_can_take(const EmergencyPlace& place, const Registrant& person) {
  return (!person.medical_care || place.medical_care) && (!person.behavioural || place.behavioural) &&
         (!person.child || place.children);
}

class EmergencyPlacesInUse {
 public:
  explicit EmergencyPlacesInUse(const std::vector<EmergencyPlace>& places) : places_(&places), in_use_(places.size(), 0) {}

  // The first place of `kind` at index `from` or later with a free place, taking people at `hour_of_day`, that
  // can take `person`; -1 when there is none.
  [[nodiscard]] int first_open(PlaceKind kind, std::size_t from, int hour_of_day, const Registrant& person) const {
    for (std::size_t p = from; p < places_->size(); ++p) {
      const EmergencyPlace& place = (*places_)[p];
      if (place.in_service && place.kind == kind && in_use_[p] < place.places &&
          place.admits_at[static_cast<std::size_t>(hour_of_day)] && place_can_take(place, person))
        return static_cast<int>(p);
    }
    return -1;
  }
  void hold(int place) { ++in_use_[static_cast<std::size_t>(place)]; }
  void release(int place) { --in_use_[static_cast<std::size_t>(place)]; }
  [[nodiscard]] int in_use(int place) const { return in_use_[static_cast<std::size_t>(place)]; }

 private:
  const std::vector<EmergencyPlace>* places_;
  std::vector<int> in_use_;
};

}  // namespace kyoten::hub
