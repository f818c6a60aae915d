#pragma once
// Callers who are not answered at once: how long each waits before hanging up, and whether and when they call
// back. Only draws; the model keeps the calls and the clock. Its own random stream, so stating patience shifts
// no other draw of a run.
#include <optional>

#include "models/hub/scenario.hpp"
#include "sim/random/stream.hpp"

namespace kyoten::hub {

class CallerPatience {
 public:
  CallerPatience(const Calls& calls, sim::RandomStream stream) : calls_(&calls), stream_(std::move(stream)) {}

  // Hours a caller who must wait will hold on, calling in `band`; nullopt when the scenario states no patience.
  [[nodiscard]] std::optional<double> hold_hours(TimeBand band);
  // After a caller hung up on their `tries_so_far`-th call: hours until they call back, or nullopt when they do
  // not (they chose not to, or that was their last try).
  [[nodiscard]] std::optional<double> call_back_after_hours(int tries_so_far);

 private:
  const Calls* calls_;  // the plan in force (replaced with the scenario at a dated change)
  sim::RandomStream stream_;
};

}  // namespace kyoten::hub
