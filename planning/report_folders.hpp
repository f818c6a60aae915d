#pragma once
// The result folders of `compare` and `optimize` (docs/planning.md lists their fields): which files each holds,
// and writing them whole (staged, then committed together; output/staged_folder.hpp). Their contents — the JSON
// documents and tables, with their sentences — are made by presentation/ (comparison_report, optimize_report).
#include <string>
#include <vector>

#include "output/staged_folder.hpp"
#include "output/tables.hpp"
#include "planning/json_fields.hpp"

namespace kyoten::planning {

// The files written into a comparison folder (an existing folder holding only these may be replaced).
std::vector<std::string> comparison_file_names();

// comparison.json, comparison.csv (`differences`), vocabulary.json and monthly_bands.csv into `staged`, committed.
void write_comparison(output::StagedFolder& staged, const json& comparison, const output::Table& differences,
                      const output::Table& monthly_bands);

// The files written into an optimize folder (an existing folder holding only these may be replaced).
std::vector<std::string> optimize_file_names();

// optimize.json and vocabulary.json into `staged`, committed.
void write_optimize(output::StagedFolder& staged, const json& optimize);

}  // namespace kyoten::planning
