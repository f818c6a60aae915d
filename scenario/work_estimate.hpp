#pragma once
// What a scenario asks of the machine before anything runs: the events one replication processes and the memory
// it holds, estimated from the scenario's rates and sizes. Values within their limits (value_limits.hpp) can
// still multiply into a run of weeks (a million registrants calling a thousand times a year for a century), so
// the loader refuses a replication above the ceilings below and the commands refuse a run whose replications
// together exceed kMaxEventsPerRun, each with the estimate in the message.
#include <cstddef>
#include <optional>
#include <string>

#include "models/hub/scenario.hpp"

namespace kyoten::scenario {

struct WorkEstimate {
  double events = 0;  // expected events of one replication, warm-up included
  double bytes = 0;   // memory one replication holds at its largest
};

// Ceilings, about 10,000 times the largest shipped scenario (setagaya-wardwide: ~1e5 events and a few
// megabytes per replication): 1e9 events take minutes per replication at the hub model's speed.
inline constexpr double kMaxEventsPerReplication = 1e9;
inline constexpr double kMaxBytesPerReplication = 2.0 * 1024 * 1024 * 1024;
// All replications (and sweep points) of one command together.
inline constexpr double kMaxEventsPerRun = 1e11;

[[nodiscard]] WorkEstimate estimate_work(const hub::Scenario& scenario);

// A message when one replication of `scenario` exceeds a ceiling, else nullopt.
[[nodiscard]] std::optional<std::string> replication_too_large(const WorkEstimate& estimate);
// A message when `runs` replications (over every point) of scenarios estimated at `events_each` exceed
// kMaxEventsPerRun, else nullopt. `what` says what was asked ("100 replications", "20 points × 100 replications").
[[nodiscard]] std::optional<std::string> run_too_large(double events_each, double runs, const std::string& what);

}  // namespace kyoten::scenario
