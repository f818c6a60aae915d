#pragma once
// The options of `kyoten run`, their defaults and their checks. Bad values are refused while parsing, with a
// message naming the option and what is allowed, so nothing runs and nothing is written.
#include <CLI/CLI.hpp>
#include <cstddef>
#include <string>

#include "app/common_options.hpp"
#include "sim/stats/confidence.hpp"

namespace kyoten::app {

struct RunOptions : CommonOptions {
  std::string scenario_file;
  std::size_t replications = 100;
  std::string out;  // empty: results/<scenario name>
  // --precision P: add replications until every headline KPI's CI half-width is <= max(P x |mean|, its minimum
  // meaningful difference) (output/precision.hpp); 0 = off. --replications is then the first batch (default 10).
  double precision = 0;
  // The cap of --precision: every shipped scenario meets P = 0.05 below it (the one that needs most,
  // small-town-remedies, about 2,500 with the look-ahead), with ~20% headroom (docs/uncertainty.md).
  std::size_t max_replications = 3000;
};

// Declares the scenario argument and --set on `cmd` (shared by run and validate).
void add_scenario_options(CLI::App& cmd, RunOptions& options);
// Declares the remaining run options with their defaults and checks.
void add_run_options(CLI::App& cmd, RunOptions& options);

// The first batch of `run --precision` when --replications is not given.
inline constexpr std::size_t kPrecisionFirstBatch = 10;

// The confidence level of the intervals that run, compare and sweep report.
inline constexpr double kConfidenceLevel = sim::kDefaultConfidenceLevel;

}  // namespace kyoten::app
