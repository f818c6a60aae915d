#pragma once
// Loading several scenarios (compare's files, a sweep's or an optimisation's grid points) before any runs: every
// problem in every one is collected, so the user fixes them all at once and nothing runs on bad input.
#include <string>
#include <vector>

#include "scenario/loader.hpp"

namespace kyoten::planning {

struct ScenarioRequest {
  std::string file;
  std::vector<std::string> overrides;  // --set, then the grid point's settings
};

// Loads each request in order. Throws InputErrors with every distinct error of every request (a bad --vary key
// fails at every grid point, and is reported once).
std::vector<scenario::LoadedScenario> load_all(const std::vector<ScenarioRequest>& requests);

}  // namespace kyoten::planning
