#pragma once
// Writing a Comparison: the terminal text (Japanese or English), comparison.json and comparison.csv
// (docs/planning.md lists their fields).
#include <filesystem>
#include <string>
#include <vector>

#include "output/tables.hpp"
#include "output/staged_folder.hpp"
#include "presentation/terminal_table.hpp"
#include "planning/comparison.hpp"
#include "planning/json_fields.hpp"

namespace kyoten::planning {

std::string format_comparison(const Comparison& c, output::Language language);

json comparison_json(const Comparison& c, const Provenance& provenance);

// One row per (scenario, KPI) and per (scenario, fiscal year) difference against the first scenario; the
// Comparison must outlive the table.
output::Table comparison_table(const Comparison& c);

// Each scenario's monthly fans (output/monthly_bands.hpp), one row per (scenario, series, month or quarter).
output::Table monthly_bands_table(const Comparison& c);

// The files written into the output folder (an existing folder holding only these may be replaced).
std::vector<std::string> comparison_file_names();

// comparison.json, comparison.csv and monthly_bands.csv into `staged`, committed together (output/staged_folder.hpp).
void write_comparison(output::StagedFolder& staged, const Comparison& c, const Provenance& provenance);

}  // namespace kyoten::planning
