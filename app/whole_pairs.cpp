#include "app/whole_pairs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>

#include "models/hub/parameter_draws.hpp"

namespace kyoten::app {

std::size_t round_to_whole_draws(std::size_t replications, const std::vector<const hub::Scenario*>& scenarios,
                                 const char* option, bool quiet, std::size_t* group) {
  std::size_t per_draw = 1;
  for (const hub::Scenario* s : scenarios) per_draw = std::max(per_draw, hub::replications_per_draw(*s));
  if (group) *group = per_draw;
  const std::size_t rounded = (replications + per_draw - 1) / per_draw * per_draw;
  if (rounded != replications && !quiet)
    fmt::print(stderr,
               "{} {} -> {}: uncertain parameters are drawn once per pair of replications, so counts are whole "
               "pairs\n",
               option, replications, rounded);
  return rounded;
}

}  // namespace kyoten::app
