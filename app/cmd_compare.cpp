// `kyoten compare A.toml B.toml …`: runs every scenario on the same seeds (common random numbers: replication r of
// each uses seed (S, r)), and reports each KPI's paired difference against the first scenario with its confidence
// interval and a verdict in plain words, plus the cost per fiscal year against the budget.
// Every scenario is validated first; on any bad input all errors are printed, exit 2, nothing is written.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "app/commands.hpp"
#include "app/common_options.hpp"
#include "app/run_options.hpp"
#include "app/whole_pairs.hpp"
#include "app/work_check.hpp"
#include "kyoten_version.hpp"
#include "planning/batch_runner.hpp"
#include "planning/meaningful_differences.hpp"
#include "planning/report_folders.hpp"
#include "planning/scenario_set.hpp"
#include "presentation/comparison_report.hpp"
#include "presentation/progress_bar.hpp"
#include "scenario/input_error.hpp"
#include "sim/run/replication_runner.hpp"
#include "sim/stats/confidence.hpp"

namespace kyoten::app {
namespace {

struct CompareOptions : CommonOptions {
  std::vector<std::string> files;
  std::size_t replications = 100;
  std::string out;
  std::vector<std::string> mmd;  // --mmd KPI=VALUE
};

int compare(const CompareOptions& o, const std::string& command_line) {
  std::vector<planning::ScenarioRequest> requests;
  for (const std::string& f : o.files) requests.push_back({f, o.overrides});
  std::vector<scenario::LoadedScenario> loaded;
  planning::MeaningfulDifferences mmd = planning::default_meaningful_differences();
  try {
    for (const std::string& m : o.mmd) planning::set_meaningful_difference(m, mmd);
    loaded = planning::load_all(requests);
  } catch (const InputErrors& e) {
    print_input_errors(e);
    return kBadInput;
  }
  std::optional<output::StagedFolder> folder;  // locked before anything runs
  if (!o.out.empty() && !prepare_output_folder(folder, o.out, "--out", planning::comparison_file_names()))
    return kBadInput;

  std::vector<const hub::Scenario*> scenarios;
  for (const auto& l : loaded) scenarios.push_back(&l.scenario);
  const std::size_t replications = round_to_whole_draws(o.replications, scenarios, "--replications", o.quiet);
  if (refuse_too_much_work(scenarios, replications)) return kBadInput;
  std::vector<planning::BatchJob> jobs;
  // The months are kept: compare writes each option's monthly fans (monthly_bands.csv).
  for (const auto& l : loaded)
    jobs.push_back({.scenario = &l.scenario, .first_replication = 0, .count = replications, .keep_months = true});
  const std::size_t total = jobs.size() * replications;
  presentation::ProgressBar bar(total, !o.quiet, o.language());
  std::vector<planning::ComparisonInput> inputs(loaded.size());
  try {
    planning::run_batch(
        jobs, o.seed, o.threads,
        {.job_done = [&inputs](std::size_t j,
                               std::vector<hub::ReplicationResult>&& r) { inputs[j].results = std::move(r); },
         .replication_done =
             [&](std::size_t done) { bar.update(done, presentation::replications_text(done, total, o.language())); },
         .stop = nullptr});
  } catch (const std::exception& e) {
    bar.finish();
    fmt::print(stderr, "kyoten compare: the simulation failed: {}\n", e.what());
    return kFailed;
  }
  bar.finish();
  for (std::size_t s = 0; s < loaded.size(); ++s) {
    inputs[s].file = loaded[s].file;
    inputs[s].scenario = &loaded[s].scenario;
  }
  const planning::Comparison comparison = planning::compare_scenarios(inputs, o.seed, kConfidenceLevel, mmd);
  if (!o.quiet) fmt::print("{}", presentation::format_comparison(comparison, o.language()));

  if (o.out.empty()) return 0;
  const planning::Provenance provenance{kVersion, planning::utc_now(), command_line, o.seed, o.threads};
  try {
    planning::write_comparison(*folder, presentation::comparison_json(comparison, provenance),
                               presentation::comparison_table(comparison), presentation::monthly_bands_table(comparison));
  } catch (const std::exception& e) {
    fmt::print(stderr, "kyoten compare: cannot write results to {}: {}\n", o.out, e.what());
    return kFailed;
  }
  fmt::print("{} {}\n", o.language() == presentation::Language::Japanese ? "結果の保存先:" : "Results:", o.out);
  return 0;
}

}  // namespace

void add_compare_command(CLI::App& app, int& exit_code, const std::string& command_line) {
  auto* cmd = app.add_subcommand(
      "compare", "Compare scenarios on common random numbers: paired differences against the first, with 95% CIs");
  auto o = std::make_shared<CompareOptions>();
  cmd->add_option("scenarios", o->files, "Scenario files (TOML); the first is the reference")
      ->required()
      ->expected(2, -1);
  add_set_option(*cmd, o->overrides, "every scenario");
  cmd->add_option("-n,--replications", o->replications, "Replications per scenario (at least 2)")
      ->check(whole_number_in(2, kMaxReplications))
      ->capture_default_str();
  add_seed_and_threads(*cmd, *o, "scenario");
  cmd->add_option("-o,--out", o->out, "Write comparison.json and comparison.csv to this directory");
  cmd->add_option("--mmd", o->mmd,
                  "Minimum meaningful difference KPI=VALUE (repeatable; cost_fy for fiscal-year totals; money in "
                  "yen or as N%); defaults 1 min, 0.1 h, 0.1 day, 1 point, 1 for counts, 1% of cost");
  add_lang_option(*cmd, o->lang);
  cmd->add_flag("-q,--quiet", o->quiet, "No progress bar and no table");
  cmd->callback([o, &exit_code, command_line] { exit_code = compare(*o, command_line); });
}

}  // namespace kyoten::app
