// `kyoten run SCENARIO.toml`: validates the scenario, runs independent replications on a thread pool, prints
// the KPI table with confidence intervals and writes the results directory (docs/results-format.md).
// Bad input is reported before anything runs, and then nothing is written, not even the directory.
#include <fmt/chrono.h>
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "app/commands.hpp"
#include "app/run_options.hpp"
#include "kyoten_version.hpp"
#include "models/hub/hub_model.hpp"
#include "models/output/results_directory.hpp"
#include "models/output/summary.hpp"
#include "models/output/terminal_table.hpp"
#include "models/scenario/input_error.hpp"
#include "models/scenario/loader.hpp"
#include "sim/run/replication_runner.hpp"

namespace kyoten::app {
namespace {

namespace fs = std::filesystem;

constexpr int kBadInput = 2;
constexpr int kFailed = 1;
constexpr double kConfidenceLevel = 0.95;

std::optional<scenario::LoadedScenario> load_or_report(const RunOptions& o) {
  try {
    return scenario::load_scenario(o.scenario_file, o.overrides);
  } catch (const InputErrors& e) {
    for (const InputError& error : e.errors()) std::cerr << error.format() << '\n';
    return std::nullopt;
  } catch (const std::exception& e) {  // the loader should say everything as InputErrors; never crash if not
    fmt::print(stderr, "{}: {}\n", o.scenario_file, e.what());
    return std::nullopt;
  }
}

fs::path results_dir(const RunOptions& o, const hub::Scenario& scenario) {
  return o.out.empty() ? fs::path("results") / scenario.meta.name : fs::path(o.out);
}

// "done/total" on one rewritten line, only when a person is watching stderr; redrawn at most every 100 ms,
// since a replication can take a millisecond and a terminal write costs more.
class ProgressLine {
 public:
  ProgressLine(std::size_t total, bool quiet) : total_(total), shown_(!quiet && ::isatty(::fileno(stderr))) {}
  void update(std::size_t done) {
    const auto now = std::chrono::steady_clock::now();
    if (!shown_ || (done < total_ && now - last_drawn_ < kRedrawInterval)) return;
    last_drawn_ = now;
    fmt::print(stderr, "\rreplications {}/{}", done, total_);
  }
  void finish() const {
    if (shown_) fmt::print(stderr, "\r\033[K");  // clear it, so the table starts on a clean line
  }

 private:
  static constexpr std::chrono::milliseconds kRedrawInterval{100};
  std::size_t total_;
  bool shown_;
  std::chrono::steady_clock::time_point last_drawn_{};
};

std::vector<hub::ReplicationResult> simulate(const hub::Scenario& scenario, const RunOptions& o) {
  ProgressLine progress(o.replications, o.quiet);
  auto results = sim::run_replications(
      0, o.replications, o.threads,
      [&scenario, seed = o.seed](std::size_t r) {
        hub::ReplicationResult result = hub::simulate_replication(scenario, seed, r);
        result.replication = r;
        return result;
      },
      [&progress](std::size_t done) { progress.update(done); });
  progress.finish();
  return results;
}

std::string utc_now() { return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(std::time(nullptr))); }

int run(const RunOptions& o, const std::string& command_line) {
  const std::optional<scenario::LoadedScenario> loaded = load_or_report(o);
  if (!loaded) return kBadInput;
  const hub::Scenario& scenario = loaded->scenario;
  const fs::path dir = results_dir(o, scenario);
  if (fs::exists(dir) && !fs::is_directory(dir)) {
    fmt::print(stderr, "--out: {} exists and is not a directory\n", dir.string());
    return kBadInput;
  }

  std::vector<hub::ReplicationResult> results;
  try {
    results = simulate(scenario, o);
  } catch (const std::exception& e) {
    fmt::print(stderr, "kyoten run: the simulation failed: {}\n", e.what());
    return kFailed;
  }
  const output::RunSummary summary = output::summarise(results, scenario.budget, kConfidenceLevel);
  if (!o.quiet) fmt::print("{}\n", output::format_kpi_table(summary, o.language()));

  const output::RunInfo info{.kyoten_version = kVersion,
                             .created = utc_now(),
                             .command = command_line,
                             .scenario_file = loaded->file,
                             .scenario_json = scenario::resolved_as_json(*loaded),
                             .seed = o.seed,
                             .replications = o.replications,
                             .threads = o.threads,
                             .confidence_level = kConfidenceLevel};
  const bool dir_is_new = !fs::exists(dir);
  try {
    output::write_results_directory(dir, info, scenario, summary, results);
  } catch (const std::exception& e) {
    fmt::print(stderr, "kyoten run: cannot write results to {}: {}\n", dir.string(), e.what());
    std::error_code ignored;
    if (dir_is_new) fs::remove(dir, ignored);  // only if still empty: never delete anything else
    return kFailed;
  }
  if (o.quiet)
    fmt::print("{}\n", dir.string());
  else if (o.language() == output::Language::Japanese)
    fmt::print("結果の保存先: {}\n", dir.string());
  else
    fmt::print("Results: {}\n", dir.string());
  return 0;
}

}  // namespace

void add_run_command(CLI::App& app, int& exit_code, const std::string& command_line) {
  auto* cmd = app.add_subcommand("run", "Run a scenario: KPI table with 95% confidence intervals, results directory");
  auto options = std::make_shared<RunOptions>();
  add_scenario_options(*cmd, *options);
  add_run_options(*cmd, *options);
  cmd->callback([options, &exit_code, command_line] { exit_code = run(*options, command_line); });
}

}  // namespace kyoten::app
