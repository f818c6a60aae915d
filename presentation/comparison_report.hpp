#pragma once
// A Comparison as people read it: the terminal text (Japanese or English), and the contents of comparison.json and
// comparison.csv with their verdict sentences (docs/planning.md lists their fields). planning/report_folders
// writes the files.
#include <string>

#include "output/tables.hpp"
#include "planning/comparison.hpp"
#include "planning/json_fields.hpp"
#include "presentation/terminal_table.hpp"

namespace kyoten::presentation {

std::string format_comparison(const planning::Comparison& c, Language language);

planning::json comparison_json(const planning::Comparison& c, const planning::Provenance& provenance);

// One row per (scenario, KPI) and per (scenario, fiscal year) difference against the first scenario; the
// Comparison must outlive the table.
output::Table comparison_table(const planning::Comparison& c);

// Each scenario's monthly fans (output/monthly_bands.hpp), one row per (scenario, series, month or quarter).
output::Table monthly_bands_table(const planning::Comparison& c);

}  // namespace kyoten::presentation
