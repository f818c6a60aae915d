#pragma once
// Replication counts for scenarios with uncertain parameters: pairs of replications share one parameter draw
// (models/hub/parameter_draws.hpp), so run, compare, sweep and optimize all count in whole pairs.
#include <cstddef>
#include <vector>

#include "models/hub/scenario.hpp"

namespace kyoten::app {

// `replications` rounded up to a whole number of draws when any of `scenarios` has uncertain parameters, with a
// notice on stderr naming `option` when it had to round (unless quiet). Stores the replications per draw in
// `group` when given.
std::size_t round_to_whole_draws(std::size_t replications, const std::vector<const hub::Scenario*>& scenarios,
                                 const char* option, bool quiet, std::size_t* group = nullptr);

}  // namespace kyoten::app
