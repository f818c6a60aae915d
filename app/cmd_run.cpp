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
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>

#include "app/commands.hpp"
#include "app/run_options.hpp"
#include "app/whole_pairs.hpp"
#include "app/work_check.hpp"
#include "kyoten_version.hpp"
#include "models/hub/hub_model.hpp"
#include "models/hub/parameter_draws.hpp"
#include "output/meaningful_difference.hpp"
#include "output/precision.hpp"
#include "output/precision_record.hpp"
#include "output/results_directory.hpp"
#include "output/summary.hpp"
#include "presentation/surge_table.hpp"
#include "presentation/budget_risk_table.hpp"
#include "presentation/precision_text.hpp"
#include "presentation/progress_bar.hpp"
#include "presentation/terminal_table.hpp"
#include "scenario/input_error.hpp"
#include "scenario/loader.hpp"
#include "sim/run/replication_runner.hpp"
#include "sim/stats/confidence.hpp"

namespace kyoten::app {
namespace {

namespace fs = std::filesystem;

std::optional<scenario::LoadedScenario> load_or_report(const RunOptions& o) {
  try {
    return scenario::load_scenario(o.scenario_file, o.overrides);
  } catch (const InputErrors& e) {
    print_input_errors(e);
    return std::nullopt;
  } catch (const std::exception& e) {  // the loader should say everything as InputErrors; never crash if not
    fmt::print(stderr, "{}: {}\n", o.scenario_file, e.what());
    return std::nullopt;
  }
}

fs::path results_dir(const RunOptions& o, const scenario::LoadedScenario& loaded) {
  // A --set run gets its own default folder (name + short hash of the overrides), never the baseline's.
  return o.out.empty() ? output_named_by_scenario(loaded, overrides_suffix(o.overrides), "--out") : fs::path(o.out);
}

// Replications [first, first + count); `total` is what the progress bar counts towards (the bar covers
// [first, total), so its time left is to reach `total` at this batch's pace).
std::vector<hub::ReplicationResult> simulate(const hub::Scenario& scenario, const RunOptions& o, std::size_t first,
                                             std::size_t count, std::size_t total) {
  presentation::ProgressBar progress(total - first, !o.quiet, o.language());
  auto results = sim::run_replications(
      first, count, o.threads,
      [&scenario, seed = o.seed](std::size_t r) {
        hub::ReplicationResult result = hub::simulate_replication(scenario, seed, r);
        result.replication = r;
        return result;
      },
      [&progress, first, total, language = o.language()](std::size_t done) {
        progress.update(done, presentation::replications_text(first + done, total, language));
      });
  progress.finish();
  return results;
}

std::vector<output::PrecisionSeries> headline_series(const std::vector<hub::ReplicationResult>& results) {
  std::vector<output::PrecisionSeries> series;
  for (std::size_t k = 0; k < hub::kKpiCount; ++k) {
    if (!hub::kKpis[k].headline) continue;
    output::PrecisionSeries s{hub::kKpis[k].key, {}, output::default_meaningful_difference(hub::kKpis[k].unit).absolute};
    for (const auto& r : results) s.values.push_back(r.kpi[k]);
    series.push_back(std::move(s));
  }
  return series;
}

// `--precision`: batches until the rule of output/precision.hpp is met or --max-replications is reached.
// Replication r depends only on (seed, r), and the rule reads every prefix, so the replications kept are those
// the one-at-a-time algorithm would keep, whatever the batches and threads. After the first batch the formula's
// projection is printed, and at once (the first time it shows) when it is more than the cap, with what would fit.
output::PrecisionRun simulate_to_precision(const hub::Scenario& scenario, const RunOptions& o,
                                           std::vector<hub::ReplicationResult>& results) {
  output::PrecisionRun run{
      .rule = {.target = o.precision, .confidence_level = kConfidenceLevel,
               .draw_group = hub::replications_per_draw(scenario)},
      .max_replications = o.max_replications};
  std::size_t total = o.replications;
  bool told_cap = false;
  for (;;) {
    // The bar counts towards this batch's end: the formula's total, not the cap, is what the user waits for.
    auto batch = simulate(scenario, o, results.size(), total - results.size(), total);
    std::move(batch.begin(), batch.end(), std::back_inserter(results));
    const std::vector<output::PrecisionSeries> series = headline_series(results);
    run.decision = output::decide_precision(series, run.rule);
    const output::Projection& projection = run.decision.projection;
    const bool first_batch = run.pilot.from == 0;
    if (first_batch) {
      run.pilot = projection;
      if (!o.quiet) fmt::print(stderr, "{}\n", presentation::format_precision_projection(projection, o.precision, o.language()));
    }
    run.advice = output::advise_cap(series, run.rule, projection, o.max_replications, kMaxReplications);
    if (!run.decision.satisfied && run.advice.exceeds && !told_cap) {
      if (!first_batch && !o.quiet)
        fmt::print(stderr, "{}\n", presentation::format_precision_projection(projection, o.precision, o.language()));
      fmt::print(stderr, "{}\n",
                 presentation::format_precision_cap_notice(projection, run.advice, o.precision, o.max_replications,
                                                     o.language()));
      told_cap = true;
    }
    if (run.decision.satisfied || results.size() >= o.max_replications) break;
    total = std::min(o.max_replications, run.decision.next_total);  // whole pairs: max_replications was rounded up
  }
  results.resize(run.decision.keep);
  return run;
}

std::string utc_now() { return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(std::time(nullptr))); }

int run(const RunOptions& o, const std::string& command_line) {
  const std::optional<scenario::LoadedScenario> loaded = load_or_report(o);
  if (!loaded) return kBadInput;
  const hub::Scenario& scenario = loaded->scenario;
  if (o.precision > 0 && o.replications > o.max_replications) {
    fmt::print(stderr, "--replications: {} is more than --max-replications ({}); the first batch must fit\n",
               o.replications, o.max_replications);
    return kBadInput;
  }
  fs::path dir;
  try {
    dir = results_dir(o, *loaded);
  } catch (const InputErrors& e) {
    print_input_errors(e);
    return kBadInput;
  }
  // Locked before anything runs: a second run into the same folder is refused now, not after its simulation.
  std::optional<output::StagedFolder> folder;
  if (!prepare_output_folder(folder, dir, "--out", output::results_folder_names())) return kBadInput;

  // Pairs of replications share a parameter draw: counts are rounded up to whole pairs, and the user is told.
  RunOptions options = o;
  options.replications = round_to_whole_draws(o.replications, {&scenario}, "--replications", o.quiet);
  if (o.precision > 0)
    options.max_replications = round_to_whole_draws(o.max_replications, {&scenario}, "--max-replications", o.quiet);
  const hub::Scenario* const only[] = {&scenario};
  if (refuse_too_much_work(only, o.precision > 0 ? options.max_replications : options.replications)) return kBadInput;

  std::vector<hub::ReplicationResult> results;
  std::optional<output::PrecisionRun> precision;
  try {
    if (o.precision > 0)
      precision = simulate_to_precision(scenario, options, results);
    else
      results = simulate(scenario, options, 0, options.replications, options.replications);
  } catch (const std::exception& e) {
    fmt::print(stderr, "kyoten run: the simulation failed: {}\n", e.what());
    return kFailed;
  }
  output::RunSummary summary =
      output::summarise(results, scenario.budget, kConfidenceLevel, hub::replications_per_draw(scenario));
  summary.budget = output::budget_view(results, scenario.budget, scenario.horizon, summary.draw_group, kConfidenceLevel);
  fmt::print(stderr, "{}", presentation::unit_error_warnings(summary.budget));
  if (!o.quiet) fmt::print("{}\n", presentation::format_kpi_table(summary, o.language()));
  if (const std::string risk = presentation::format_budget_risk(summary, o.language()); !o.quiet && !risk.empty())
    fmt::print("{}\n", risk);
  if (const std::string surges = presentation::format_surge_table(scenario, summary, o.language()); !o.quiet && !surges.empty())
    fmt::print("{}\n", surges);
  if (!o.quiet && summary.draw_group > 1) fmt::print("{}\n", presentation::format_variance_split(summary, o.language()));
  if (!o.quiet && precision)
    fmt::print("{}\n", presentation::format_precision_outcome(precision->decision, precision->advice, o.precision,
                                                        options.max_replications, o.language()));

  const output::RunInfo info{.kyoten_version = kVersion,
                             .created = utc_now(),
                             .command = command_line,
                             .scenario_file = loaded->file,
                             .scenario_json = scenario::resolved_as_json(*loaded),
                             .seed = o.seed,
                             .replications = results.size(),
                             .threads = o.threads,
                             .confidence_level = kConfidenceLevel,
                             .precision_json = precision ? output::precision_record(*precision).dump() : std::string(),
                             .overrides = o.overrides};
  try {
    output::write_results_directory(*folder, info, scenario, summary, results);
  } catch (const std::exception& e) {  // the earlier folder, if any, is untouched
    fmt::print(stderr, "kyoten run: cannot write results to {}: {}\n", dir.string(), e.what());
    return kFailed;
  }
  if (o.quiet)
    fmt::print("{}\n", dir.string());
  else if (o.language() == presentation::Language::Japanese)
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
  cmd->callback([cmd, options, &exit_code, command_line] {
    if (options->precision > 0 && cmd->count("--replications") == 0) options->replications = kPrecisionFirstBatch;
    exit_code = run(*options, command_line);
  });
}

}  // namespace kyoten::app
