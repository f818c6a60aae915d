#pragma once
// Drawing a scenario's uncertain parameters for one replication. Replications 2k and 2k+1 share a draw (stream
// "parameters", replication k), so the difference within a pair shows the stochastic spread alone and the
// spread of pair means adds the parameter spread. Replications of a scenario with uncertain parameters are
// therefore not independent: confidence intervals must use pair means (replications_per_draw).
#include <cstdint>
#include <string>
#include <vector>

#include "models/hub/scenario.hpp"

namespace kyoten::hub {

// 2 when the scenario has uncertain parameters (pairs share a draw), else 1 (every replication independent).
std::size_t replications_per_draw(const Scenario& scenario);

// A replication count usable with the scenario: rounded up to a whole number of pairs when needed.
std::size_t whole_draws(const Scenario& scenario, std::size_t replications);

// The names of the drawn values, in the order ReplicationResult::parameters lists them.
std::vector<std::string> parameter_names(const Scenario& scenario);

// A copy of the scenario with every uncertain parameter drawn for `replication`; the values drawn are
// appended to `drawn`.
Scenario draw_parameters(const Scenario& scenario, std::uint64_t seed, std::uint64_t replication,
                         std::vector<double>& drawn);

}  // namespace kyoten::hub
