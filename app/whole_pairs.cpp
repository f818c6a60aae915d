#include "app/whole_pairs.hpp"

#include <fmt/format.h>

#include <cstdio>

#include "models/hub/parameter_draws.hpp"

namespace kyoten::app {

std::size_t round_to_whole_draws(std::size_t replications, const std::vector<const hub::Scenario*>& scenarios,
                                 const char* option, bool quiet, std::size_t* group) {
  // The scenario drawing for the most replications at once sets the unit for all of them.
  const hub::Scenario* widest = nullptr;
  for (const hub::Scenario* s : scenarios)
    if (!widest || hub::replications_per_draw(*s) > hub::replications_per_draw(*widest)) widest = s;
  if (group) *group = widest ? hub::replications_per_draw(*widest) : 1;
  const std::size_t rounded = widest ? hub::whole_draws(*widest, replications) : replications;
  if (rounded != replications && !quiet)
    fmt::print(stderr,
               "{} {} -> {}: uncertain parameters are drawn once per pair of replications, so counts are whole "
               "pairs\n",
               option, replications, rounded);
  return rounded;
}

}  // namespace kyoten::app
