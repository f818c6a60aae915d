#pragma once
// Writes a complete results directory (docs/results-format.md): summary.json, the CSV files and results.db.
// Every file goes to a temporary name first and all are renamed together at the end, so a failure leaves no
// partial file under a final name; files of an earlier run in the same directory are replaced.
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "models/hub/results.hpp"
#include "models/hub/scenario.hpp"
#include "models/output/run_info.hpp"
#include "models/output/summary.hpp"

namespace kyoten::output {

// The names written, in order.
std::vector<std::string> results_file_names();

void write_results_directory(const std::filesystem::path& dir, const RunInfo& info, const hub::Scenario& scenario,
                             const RunSummary& summary, std::span<const hub::ReplicationResult> results);

}  // namespace kyoten::output
