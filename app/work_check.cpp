#include "app/work_check.hpp"

#include <fmt/format.h>

#include "scenario/work_estimate.hpp"

namespace kyoten::app {

bool refuse_too_much_work(std::span<const hub::Scenario* const> scenarios, std::size_t replications) {
  double events = 0;
  for (const hub::Scenario* s : scenarios) events += scenario::estimate_work(*s).events;
  const double each = scenarios.empty() ? 0 : events / static_cast<double>(scenarios.size());
  const double runs = static_cast<double>(scenarios.size()) * static_cast<double>(replications);
  const auto why = scenario::run_too_large(
      each, runs, fmt::format("{} scenario{} × {} replications", scenarios.size(), scenarios.size() == 1 ? "" : "s",
                              replications));
  if (!why) return false;
  fmt::print(stderr, "{}\nhint: fewer replications or grid points, or a smaller scenario (limits: "
                     "scenarios/README.md)\n",
             *why);
  return true;
}

}  // namespace kyoten::app
