#pragma once
// The options of `kyoten run`, their defaults and their checks. Bad values are refused while parsing, with a
// message naming the option and what is allowed, so nothing runs and nothing is written.
#include <CLI/CLI.hpp>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "models/output/terminal_table.hpp"

namespace kyoten::app {

struct RunOptions {
  std::string scenario_file;
  std::vector<std::string> overrides;  // --set key=value, applied in order after the file and its base
  std::size_t replications = 100;
  std::uint64_t seed = 1;
  unsigned threads = 0;  // 0 until parsed: all hardware threads by default
  std::string out;       // empty: results/<scenario name>
  std::string lang = "ja";
  bool quiet = false;
  // --precision P: add replications until every headline KPI's CI half-width is <= P x |mean|
  // (models/output/precision.hpp); 0 = off. --replications is then the first batch (default 10).
  double precision = 0;
  std::size_t max_replications = 1000;

  [[nodiscard]] output::Language language() const {
    return lang == "en" ? output::Language::English : output::Language::Japanese;
  }
};

// Declares the scenario argument and --set on `cmd` (shared by run and validate).
void add_scenario_options(CLI::App& cmd, RunOptions& options);
// Declares the remaining run options with their defaults and checks.
void add_run_options(CLI::App& cmd, RunOptions& options);

// The first batch of `run --precision` when --replications is not given.
inline constexpr std::size_t kPrecisionFirstBatch = 10;

// A CLI11 check accepting whole numbers >= low, with a message that says so.
CLI::Validator whole_number_at_least(unsigned long long low);

}  // namespace kyoten::app
