// `kyoten optimize SCENARIO.toml --space key=v1,v2,… --target KPI<=value …`: the cheapest configuration in the
// search space (the cartesian product of the --space options) that meets every service target, by the sequential
// screening scheme of planning/optimizer.hpp (docs/planning.md). Exit 0 with a choice, 1 when no
// configuration could be shown to meet the targets, 2 on bad input (nothing runs, nothing is written).
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
#include "presentation/optimize_report.hpp"
#include "presentation/progress_bar.hpp"
#include "planning/scenario_set.hpp"
#include "scenario/input_error.hpp"
#include "sim/run/replication_runner.hpp"

namespace kyoten::app {
namespace {

constexpr int kNoChoice = 1;

struct OptimizeOptions : CommonOptions {
  std::string scenario_file;
  std::vector<std::string> space;
  std::vector<std::string> targets;
  std::string cost_kpi = "cost_total_yen";
  std::size_t initial = 10;
  std::size_t max = 200;
  std::string out;
  std::vector<std::string> mmd;  // --mmd KPI=VALUE, for the cost KPI
};

// Everything the command line says, checked together so every mistake is reported at once.
presentation::OptimizeReport read_request(const OptimizeOptions& o, std::vector<scenario::LoadedScenario>& loaded) {
  presentation::OptimizeReport r;
  r.scenario_file = o.scenario_file;
  std::vector<InputError> errors;
  const auto collect = [&errors](const auto& step) {
    try {
      step();
    } catch (const InputErrors& e) {
      errors.insert(errors.end(), e.errors().begin(), e.errors().end());
    }
  };
  for (const std::string& s : o.space) collect([&] { r.space.push_back(planning::parse_dimension(s, "--space")); });
  for (const std::string& t : o.targets) collect([&] { r.settings.targets.push_back(planning::parse_target(t)); });
  collect([&] { r.settings.cost_kpi = planning::kpi_for_option(o.cost_kpi, "--cost-kpi"); });
  collect([&] {
    planning::MeaningfulDifferences mmd = planning::default_meaningful_differences();
    for (const std::string& m : o.mmd) planning::set_meaningful_difference(m, mmd);
    r.settings.cost_mmd = mmd.kpi[r.settings.cost_kpi];
  });
  if (o.max < o.initial)
    errors.push_back({.file = "",
                      .line = 0,
                      .column = 0,
                      .key = "--replications-max",
                      .message = fmt::format("{} is below --replications-initial {}", o.max, o.initial),
                      .hint = ""});
  if (!errors.empty()) throw InputErrors(std::move(errors));
  r.points = planning::cartesian_product(r.space);
  std::vector<planning::ScenarioRequest> requests;
  for (const planning::GridPoint& p : r.points) {
    std::vector<std::string> overrides = o.overrides;
    for (std::string& s : planning::overrides_of(p)) overrides.push_back(std::move(s));
    requests.push_back({o.scenario_file, std::move(overrides)});
  }
  loaded = planning::load_all(requests);
  for (const auto& l : loaded) r.scenarios.push_back(&l.scenario);
  r.settings.initial_replications =
      round_to_whole_draws(o.initial, r.scenarios, "--replications-initial", o.quiet, &r.settings.draw_group);
  r.settings.max_replications = round_to_whole_draws(o.max, r.scenarios, "--replications-max", o.quiet);
  // Fiscal-year targets are judged against the base scenario's budget and horizon (the space varies neither).
  r.settings.budget = r.scenarios.front()->budget;
  r.settings.horizon = r.scenarios.front()->horizon;
  planning::check_year_targets(r.settings.targets, r.settings.budget, r.settings.horizon);
  return r;
}

int optimize(const OptimizeOptions& o, const std::string& command_line) {
  std::vector<scenario::LoadedScenario> loaded;
  presentation::OptimizeReport report;
  try {
    report = read_request(o, loaded);
  } catch (const InputErrors& e) {
    print_input_errors(e);
    return kBadInput;
  }
  std::vector<const hub::Scenario*> configurations;
  for (const auto& l : loaded) configurations.push_back(&l.scenario);
  if (refuse_too_much_work(configurations, o.max)) return kBadInput;  // every configuration may reach the most
  std::optional<output::StagedFolder> folder;  // locked before anything runs
  if (!o.out.empty() && !prepare_output_folder(folder, o.out, "--out", planning::optimize_file_names()))
    return kBadInput;

  std::size_t round = 0;
  const planning::Simulator simulate = [&](const std::vector<planning::Extension>& extensions) {
    std::vector<planning::BatchJob> jobs;
    std::size_t total = 0;
    for (const planning::Extension& e : extensions) {
      jobs.push_back({report.scenarios[e.configuration], e.first, e.count});
      total += e.count;
    }
    ++round;
    presentation::ProgressBar bar(total, !o.quiet, o.language());
    std::vector<std::vector<hub::ReplicationResult>> results(jobs.size());
    planning::run_batch(
        jobs, o.seed, o.threads,
        {.job_done = [&results](std::size_t j, std::vector<hub::ReplicationResult>&& r) { results[j] = std::move(r); },
         .replication_done =
             [&](std::size_t done) {
               bar.update(done, fmt::format(fmt::runtime(o.language() == presentation::Language::Japanese
                                                             ? "第{}回：{}通りの構成、{}"
                                                             : "round {}: {} configurations, {}"),
                                            round, jobs.size(), presentation::replications_text(done, total, o.language())));
             },
         .stop = nullptr});
    bar.finish();
    return results;
  };
  try {
    report.result = planning::optimize(report.points.size(), report.settings, simulate);
  } catch (const std::exception& e) {
    fmt::print(stderr, "kyoten optimize: the simulation failed: {}\n", e.what());
    return 1;
  }
  if (!o.quiet) fmt::print("{}", presentation::format_optimize(report, o.language()));

  if (!o.out.empty()) {
    try {
      planning::write_optimize(
          *folder, presentation::optimize_json(report, {kVersion, planning::utc_now(), command_line, o.seed, o.threads}));
    } catch (const std::exception& e) {
      fmt::print(stderr, "kyoten optimize: cannot write results to {}: {}\n", o.out, e.what());
      return 1;
    }
    fmt::print("{} {}\n", o.language() == presentation::Language::Japanese ? "結果の保存先:" : "Results:", o.out);
  }
  return report.result.choice ? 0 : kNoChoice;
}

}  // namespace

void add_optimize_command(CLI::App& app, int& exit_code, const std::string& command_line) {
  auto* cmd = app.add_subcommand("optimize", "Find the cheapest configuration that meets service targets");
  auto o = std::make_shared<OptimizeOptions>();
  cmd->add_option("scenario", o->scenario_file, "Scenario file (TOML)")->required();
  cmd->add_option("--space", o->space,
                  "A dimension of the search space: KEY=V1,V2,… (repeatable; keys that move together: K1=a,b;K2=c,d)")
      ->type_name("KEY=V1,V2,...")
      ->required()
      ->allow_extra_args(false);
  cmd->add_option("--target", o->targets,
                  "A service target on a KPI's mean, KPI<=VALUE or KPI>=VALUE, shares as fractions (repeatable), "
                  "e.g. --target arrange_within_4h>=0.95 --target p_no_bed<=0.05; per fiscal year "
                  "cost_fy2024_yen<=VALUE (mean total cost) or p_over_budget_fy2024<=0.1 (share of years over budget)")
      ->type_name("KPI<=VALUE")
      ->required()
      ->allow_extra_args(false);
  cmd->add_option("--cost-kpi", o->cost_kpi, "The KPI to minimise")->capture_default_str();
  cmd->add_option("--mmd", o->mmd,
                  "Minimum meaningful difference of the cost KPI, KPI=VALUE (yen, or N%; default 1% of cost): "
                  "configurations closer in cost are ties");
  cmd->add_option("--replications-initial", o->initial, "Replications every configuration starts with (at least 2)")
      ->check(whole_number_in(2, kMaxReplications))
      ->capture_default_str();
  cmd->add_option("--replications-max", o->max, "Most replications any configuration gets")
      ->check(whole_number_in(2, kMaxReplications))
      ->capture_default_str();
  add_set_option(*cmd, o->overrides, "every configuration");
  add_seed_and_threads(*cmd, *o, "configuration");
  cmd->add_option("-o,--out", o->out, "Write optimize.json to this directory");
  add_lang_option(*cmd, o->lang);
  cmd->add_flag("-q,--quiet", o->quiet, "No progress bar and no table");
  cmd->callback([o, &exit_code, command_line] { exit_code = optimize(*o, command_line); });
}

}  // namespace kyoten::app
