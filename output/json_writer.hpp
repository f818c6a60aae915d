#pragma once
// summary.json: what was run (the resolved scenario, seed, replications, version, command) and the aggregated
// KPIs and costs, as docs/results-format.md specifies. Non-finite numbers are written as null.
#include <iosfwd>
#include <nlohmann/json.hpp>

#include "models/hub/scenario.hpp"
#include "output/run_info.hpp"
#include "output/summary.hpp"

namespace kyoten::output {

// summary.json `format_version` (docs/results-format.md): raised when a reader of the old format would misread
// the new one; analysis/ refuses a folder newer than it knows.
inline constexpr int kResultsFormatVersion = 2;

nlohmann::ordered_json summary_json(const RunInfo& info, const hub::Scenario& scenario, const RunSummary& summary);

void write_summary_json(std::ostream& out, const RunInfo& info, const hub::Scenario& scenario,
                        const RunSummary& summary);

}  // namespace kyoten::output
