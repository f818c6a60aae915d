#pragma once
// Writes a complete results directory (docs/results-format.md): summary.json, the CSV files and results.db.
// The folder is written whole (staged_folder.hpp): a failure or a kill leaves the earlier folder untouched, and
// success replaces it in one rename.
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "models/hub/results.hpp"
#include "models/hub/scenario.hpp"
#include "output/run_info.hpp"
#include "output/staged_folder.hpp"
#include "output/summary.hpp"

namespace kyoten::output {

// The names written, in order.
std::vector<std::string> results_file_names();
// Every name a results folder may hold (parameters.csv when written, SQLite's journal): an existing folder with
// only these (and the report) may be replaced.
std::vector<std::string> results_folder_names();

// Writes every file into `folder` and commits it.
void write_results_directory(StagedFolder& folder, const RunInfo& info, const hub::Scenario& scenario,
                             const RunSummary& summary, std::span<const hub::ReplicationResult> results);
// The same into `dir`, locked and staged here; throws InputErrors if `dir` cannot be used.
void write_results_directory(const std::filesystem::path& dir, const RunInfo& info, const hub::Scenario& scenario,
                             const RunSummary& summary, std::span<const hub::ReplicationResult> results);

}  // namespace kyoten::output
