// Dated surges of emergencies (災害時): each surge's extra emergency calls come at times drawn uniformly over its
// window, from a person registered in its region (or anywhere), and are then worked like any emergency.
#include <vector>

#include "models/hub/hub_simulation.hpp"

namespace kyoten::hub {

void HubSimulation::schedule_surges(std::uint64_t seed, std::uint64_t rep) {
  for (std::size_t k = 0; k < run_.surges.size(); ++k) {
    const Surge& surge = run_.surges[k];
    // Each surge its own stream: adding a surge moves no other surge's calls.
    sim::RandomStream times(seed, rep, "surge-times/" + std::to_string(k));
    const double from = calendar_.time_of(surge.start);
    const double hours = surge.days * sim::kHoursPerDay;
    for (int i = 0; i < surge.extra_emergencies; ++i) {
      const double t = from + times.uniform() * hours;
      if (t < t_end_) events_.schedule(t, kSurgeCall, static_cast<std::uint32_t>(k));
    }
  }
}

void HubSimulation::on_surge_call(std::uint32_t k) {
  const int region = run_.surges[k].region;
  // Someone registered in the region, each equally likely; if nobody is, someone not on the register there.
  std::vector<std::uint32_t> there;
  for (int i = 0; i < population_.active_count(); ++i) {
    const std::uint32_t who = population_.active_at(static_cast<std::size_t>(i));
    if (region < 0 || population_[who].region == region) there.push_back(who);
  }
  const std::uint32_t id = new_case();
  Case& c = cases_[id];
  if (!there.empty()) {
    c.registrant = static_cast<std::int32_t>(there[static_cast<std::size_t>(rs_surges_.uniform() * there.size())]);
    c.person = population_[static_cast<std::uint32_t>(c.registrant)];
  } else {
    c.registrant = -1;
    c.person = draw_registrant(sc_, rs_surges_, events_.now());
    c.person.advance_plan = false;
    if (region >= 0) c.person.region = static_cast<std::uint16_t>(region);
  }
  take_call(id, rs_surges_, true);
}

}  // namespace kyoten::hub
