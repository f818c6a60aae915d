#include "models/hub/registrant.hpp"

#include <algorithm>
#include <vector>

#include "sim/random/weighted_choice.hpp"

namespace kyoten::hub {

Registrant draw_registrant(const Scenario& sc, sim::RandomStream& s, double now) {
  const AttributeMix& mix = sc.registration.attributes;
  Registrant r;
  r.registered_at = now;
  // Region weights are copied to a small fixed buffer: this runs per registration, without allocating.
  std::array<double, kMaxRegions> region_weights{};
  const std::size_t n = std::min(sc.regions.size(), region_weights.size());
  for (std::size_t i = 0; i < n; ++i) region_weights[i] = sc.regions[i].registrant_weight;
  r.region = static_cast<std::uint16_t>(sim::draw_weighted({region_weights.data(), n}, s));
  if (!mix.age_band_weights.empty()) {
    r.age_band = static_cast<std::uint16_t>(sim::draw_weighted(mix.age_band_weights, s));
  }
  r.child = std::find(mix.child_age_bands.begin(), mix.child_age_bands.end(), r.age_band) != mix.child_age_bands.end();
  r.physical = s.bernoulli(mix.p_physical);
  r.intellectual = s.bernoulli(mix.p_intellectual);
  r.mental = s.bernoulli(mix.p_mental);
  r.medical_care = s.bernoulli(mix.p_medical_care);
  r.behavioural = s.bernoulli(mix.p_behavioural);
  r.ageing_caregiver = s.bernoulli(mix.p_ageing_caregiver);
  r.advance_plan = s.bernoulli(mix.p_advance_plan);
  return r;
}

}  // namespace kyoten::hub
