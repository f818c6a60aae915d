#pragma once
// An optimisation as people read it: the terminal text (the choice, the runners-up and every configuration's
// standing, with confidence intervals) and the contents of optimize.json (docs/planning.md lists its fields).
// planning/report_folders writes the file.
#include <string>
#include <vector>

#include "models/hub/scenario.hpp"
#include "planning/grid.hpp"
#include "planning/json_fields.hpp"
#include "planning/optimizer.hpp"
#include "presentation/terminal_table.hpp"

namespace kyoten::presentation {

struct OptimizeReport {
  std::string scenario_file;
  std::vector<planning::Dimension> space;
  std::vector<planning::GridPoint> points;      // configuration i's settings
  std::vector<const hub::Scenario*> scenarios;  // configuration i's scenario (for its budget)
  planning::OptimizeSettings settings;
  planning::OptimizeResult result;
};

std::string format_optimize(const OptimizeReport& report, Language language);

planning::json optimize_json(const OptimizeReport& report, const planning::Provenance& provenance);

}  // namespace kyoten::presentation
