#pragma once
// Writing an optimisation: the terminal text (the choice, the runners-up and every configuration's standing,
// with confidence intervals) and optimize.json (docs/planning.md lists its fields).
#include <filesystem>
#include <string>
#include <vector>

#include "models/hub/scenario.hpp"
#include "output/staged_folder.hpp"
#include "presentation/terminal_table.hpp"
#include "planning/grid.hpp"
#include "planning/json_fields.hpp"
#include "planning/optimizer.hpp"

namespace kyoten::planning {

struct OptimizeReport {
  std::string scenario_file;
  std::vector<Dimension> space;
  std::vector<GridPoint> points;                // configuration i's settings
  std::vector<const hub::Scenario*> scenarios;  // configuration i's scenario (for its budget)
  OptimizeSettings settings;
  OptimizeResult result;
};

std::string format_optimize(const OptimizeReport& report, output::Language language);

json optimize_json(const OptimizeReport& report, const Provenance& provenance);

// The files written into the output folder (an existing folder holding only these may be replaced).
std::vector<std::string> optimize_file_names();

// optimize.json into `staged`, committed (output/staged_folder.hpp).
void write_optimize(output::StagedFolder& staged, const OptimizeReport& report, const Provenance& provenance);

}  // namespace kyoten::planning
