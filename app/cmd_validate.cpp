// `kyoten validate SCENARIO.toml [--set k=v ...]`: loads and checks a scenario without running it. Prints every
// problem (file:line:col: key: message) to stderr and exits 2, or "OK: <name> (<title>)" (and the values stated
// as distributions) and exits 0.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "app/commands.hpp"
#include "app/common_options.hpp"
#include "app/run_options.hpp"
#include "scenario/input_error.hpp"
#include "scenario/loader.hpp"
#include "sim/time/civil_calendar.hpp"

namespace kyoten::app {

void add_validate_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("validate", "Check a scenario file and report every problem in it");
  auto options = std::make_shared<RunOptions>();
  add_scenario_options(*cmd, *options);
  cmd->callback([options, &exit_code] {
    try {
      const scenario::LoadedScenario loaded = scenario::load_scenario(options->scenario_file, options->overrides);
      const hub::Meta& meta = loaded.scenario.meta;
      (void)output_named_by_scenario(loaded, "", "--out");  // `kyoten run` without --out must be able to use it
      fmt::print("OK: {} ({})\n", meta.name, meta.title_ja.empty() ? meta.title_en : meta.title_ja);
      // Say when the plan changes, and what `run` will draw, so a planner sees that both were read as meant.
      for (const hub::PlanChange& change : loaded.scenario.changes)
        fmt::print("  from {}: {}\n", sim::iso_date(change.from), change.reason);
      for (const hub::UncertainParameter& p : loaded.scenario.uncertain)
        fmt::print("  uncertain: {} (drawn per replication pair)\n", p.key);
      exit_code = 0;
    } catch (const InputErrors& e) {
      print_input_errors(e);
      exit_code = kBadInput;
    } catch (const std::exception& e) {  // the loader should say everything as InputErrors; never crash if not
      fmt::print(stderr, "{}: {}\n", options->scenario_file, e.what());
      exit_code = kBadInput;
    }
  });
}

}  // namespace kyoten::app
