#pragma once
// The hub model's entry point: one replication of a scenario, drawing from streams keyed by
// (seed, replication, purpose). Pure function of its arguments: no I/O, no shared state.
#include <cstdint>

#include "models/hub/results.hpp"
#include "models/hub/scenario.hpp"

namespace kyoten::hub {

ReplicationResult simulate_replication(const Scenario& scenario, std::uint64_t seed, std::uint64_t replication);

}  // namespace kyoten::hub
