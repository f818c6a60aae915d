// `kyoten sweep SCENARIO.toml --vary key=v1,v2,… [--vary …]`: runs every point of the grid (the cartesian product
// of the --vary options, applied as --set overrides) and commits each finished point to an SQLite database in one
// transaction. Every grid point is validated before any runs. An interrupted sweep (Ctrl-C, SIGTERM, even SIGKILL)
// continues with --resume, skipping the points already in the database and repeating none.
#include <fmt/format.h>

#include <atomic>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "app/commands.hpp"
#include "app/common_options.hpp"
#include "app/run_options.hpp"
#include "app/whole_pairs.hpp"
#include "app/work_check.hpp"
#include "kyoten_version.hpp"
#include "output/output_path.hpp"
#include "planning/grid.hpp"
#include "planning/provenance.hpp"
#include "planning/scenario_set.hpp"
#include "planning/sweep.hpp"
#include "presentation/progress_bar.hpp"
#include "scenario/input_error.hpp"
#include "sim/run/replication_runner.hpp"
#include "sim/stats/confidence.hpp"

namespace kyoten::app {
namespace {

namespace fs = std::filesystem;

struct SweepOptions : CommonOptions {
  std::string scenario_file;
  std::vector<std::string> vary;
  std::size_t replications = 100;
  std::string db;
  bool resume = false;
};

// Set by SIGINT/SIGTERM: stop starting replications, commit what is whole, leave. A second signal kills at once
// (SA_RESETHAND), which is safe too: the database only ever holds whole points.
std::atomic<bool> g_stop{false};
volatile std::sig_atomic_t g_signal = 0;
static_assert(std::atomic<bool>::is_always_lock_free, "set from a signal handler");

extern "C" void on_stop_signal(int signal) {
  g_signal = signal;
  g_stop.store(true);
}

void install_stop_handlers() {
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESETHAND;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

// The grid's dimensions; every malformed --vary is reported, not only the first.
std::vector<planning::Dimension> parse_grid(const std::vector<std::string>& vary) {
  std::vector<planning::Dimension> dims;
  std::vector<InputError> errors;
  for (const std::string& v : vary) {
    try {
      dims.push_back(planning::parse_dimension(v, "--vary"));
    } catch (const InputErrors& e) {
      errors.insert(errors.end(), e.errors().begin(), e.errors().end());
    }
  }
  if (!errors.empty()) throw InputErrors(std::move(errors));
  return dims;
}

std::string resume_command(const std::string& command_line) {
  return command_line.find(" --resume") == std::string::npos ? command_line + " --resume" : command_line;
}

int sweep(const SweepOptions& o, const std::string& command_line) {
  std::vector<planning::Dimension> dims;
  std::vector<scenario::LoadedScenario> loaded;  // [0] the scenario as given, then one per grid point
  std::vector<planning::GridPoint> grid;
  try {
    dims = parse_grid(o.vary);
    grid = planning::cartesian_product(dims);
    std::vector<planning::ScenarioRequest> requests{{o.scenario_file, o.overrides}};
    for (const planning::GridPoint& p : grid) {
      std::vector<std::string> overrides = o.overrides;
      for (std::string& s : planning::overrides_of(p)) overrides.push_back(std::move(s));
      requests.push_back({o.scenario_file, std::move(overrides)});
    }
    loaded = planning::load_all(requests);
  } catch (const InputErrors& e) {
    print_input_errors(e);
    return kBadInput;
  }

  std::vector<const hub::Scenario*> scenarios;
  for (const auto& l : loaded) scenarios.push_back(&l.scenario);
  const std::size_t replications = round_to_whole_draws(o.replications, scenarios, "--replications", o.quiet);
  if (refuse_too_much_work(std::span(scenarios).subspan(1), replications)) return kBadInput;  // [0]: the base
  std::optional<output::OutputPath> path;
  std::optional<output::PathLock> lock;  // held for the whole sweep: a second sweep on this database is refused
  try {
    path = output::prepare_output_path(
        o.db.empty() ? output_named_by_scenario(loaded[0], "-sweep.db", "--db") : fs::path(o.db), "--db");
    lock.emplace(*path, "--db");
  } catch (const InputErrors& e) {
    print_input_errors(e);
    return kBadInput;
  }
  for (const std::string& leftover : lock->remove_leftovers())
    fmt::print(stderr, "note: removed {} beside {}, left by an interrupted sweep\n", leftover, path->given.string());
  const fs::path db = path->target();
  planning::SweepMeta wanted{.scenario_file = loaded[0].file,
                             .scenario_name = loaded[0].scenario.meta.name,
                             .scenario_json = scenario::resolved_as_json(loaded[0]),
                             .overrides_json = nlohmann::json(o.overrides).dump(),
                             .vary_json = planning::dimensions_json(dims).dump(),
                             .seed = o.seed,
                             .replications = replications,
                             .points = grid.size(),
                             .confidence_level = kConfidenceLevel,
                             .kyoten_version = kVersion,
                             .created = planning::utc_now(),
                             .command = command_line};
  std::error_code ec;
  const fs::file_status status = fs::status(db, ec);
  if (fs::exists(status) && !fs::is_regular_file(status)) {
    fmt::print(stderr, "{}: --db: exists and is not a file (give the database file's name)\n", db.string());
    return kBadInput;
  }
  const bool exists = fs::exists(status);
  if (exists && !o.resume) {
    fmt::print(stderr, "kyoten sweep: {} already exists: use --resume to continue that sweep, or remove it\n",
               db.string());
    return kBadInput;
  }
  std::optional<planning::SweepStore> store;
  try {
    if (exists) {
      store = planning::SweepStore::open(db);
      const planning::SweepMeta stored = store->meta();
      if (const auto why = planning::meta_mismatch(stored, wanted)) {
        fmt::print(stderr, "kyoten sweep --resume: {}: {}. Use another --db, or remove it to start again.\n",
                   db.string(), *why);
        return kBadInput;
      }
      if (stored.kyoten_version != wanted.kyoten_version)
        fmt::print(stderr, "kyoten sweep: note: the database was started by kyoten {}, this is {}\n",
                   stored.kyoten_version, wanted.kyoten_version);
    } else {
      store = planning::SweepStore::create(db, wanted);
    }
  } catch (const std::exception& e) {
    fmt::print(stderr, "kyoten sweep: {}\n", e.what());
    return exists ? kBadInput : kFailed;
  }

  const std::set<std::size_t> done = store->finished_points();
  std::vector<planning::SweepTask> tasks;
  for (std::size_t i = 0; i < grid.size(); ++i)
    if (!done.contains(i)) tasks.push_back({i, &grid[i], &loaded[i + 1].scenario});
  if (!o.quiet)
    fmt::print(stderr,
               fmt::runtime(o.language() == presentation::Language::Japanese
                                ? "sweep: {}点 × 反復{}回、実行済み {}点、これから {}点；データベース {}\n"
                                : "sweep: {} points × {} replications, {} already done, {} to run; database {}\n"),
               grid.size(),
               replications, done.size(), tasks.size(), db.string());

  install_stop_handlers();
  const std::size_t total_replications = tasks.size() * replications;
  const bool ja = o.language() == presentation::Language::Japanese;
  presentation::ProgressBar bar(total_replications, !o.quiet, o.language());
  std::atomic<std::size_t> replications_done{0}, points_done{0};
  const auto points_text = [&] {
    return fmt::format(fmt::runtime(ja ? "点 {}/{}" : "{}/{} points"), done.size() + points_done.load(), grid.size());
  };
  planning::SweepOutcome outcome;
  try {
    outcome = planning::run_sweep(*store, tasks, o.seed, replications, o.threads, kConfidenceLevel,
                                  {.point_committed =
                                       [&](const planning::SweepTask& t, std::size_t committed) {
                                         points_done = committed;
                                         if (o.quiet || bar.shown()) return;
                                         const double left = bar.seconds_left(replications_done.load());
                                         fmt::print(stderr,
                                                    fmt::runtime(ja ? "点 {}（{}）を保存：{}、経過 {}、残り約 {}\n"
                                                                    : "point {} ({}) committed: {}, elapsed {}, about {} left\n"),
                                                    t.index, planning::point_label(*t.point), points_text(),
                                                    presentation::format_duration(bar.seconds_elapsed(), o.language()),
                                                    left < 0 ? std::string("?")
                                                             : presentation::format_duration(left, o.language()));
                                       },
                                   .replication_done =
                                       [&](std::size_t n) {
                                         replications_done = n;
                                         bar.update(n, points_text());
                                       },
                                   .stop = &g_stop});
  } catch (const std::exception& e) {
    bar.finish();
    fmt::print(stderr, "kyoten sweep: {}\nThe points committed so far are kept; continue with --resume.\n", e.what());
    return kFailed;
  }
  bar.finish();
  const std::size_t in_db = done.size() + outcome.committed;
  if (!outcome.complete) {
    fmt::print(stderr,
               "kyoten sweep: interrupted; {} of {} points are in {} (unfinished points were not written).\n"
               "Continue with: {}\n",
               in_db, grid.size(), db.string(), resume_command(command_line));
    return 128 + (g_signal ? static_cast<int>(g_signal) : SIGINT);
  }
  store.reset();  // closing folds the write-ahead log into the database file
  if (o.quiet)
    fmt::print("{}\n", db.string());
  else
    fmt::print("sweep complete: {} points in {}\n", in_db, db.string());
  return 0;
}

}  // namespace

void add_sweep_command(CLI::App& app, int& exit_code, const std::string& command_line) {
  auto* cmd = app.add_subcommand("sweep", "Run a grid of scenario values; each point committed to SQLite, resumable");
  auto o = std::make_shared<SweepOptions>();
  cmd->add_option("scenario", o->scenario_file, "Scenario file (TOML)")->required();
  cmd->add_option("--vary", o->vary,
                  "A dimension of the grid: KEY=V1,V2,… (repeatable; keys that move together: K1=a,b;K2=c,d)")
      ->type_name("KEY=V1,V2,...")
      ->required()
      ->allow_extra_args(false);
  add_set_option(*cmd, o->overrides, "every point");
  cmd->add_option("-n,--replications", o->replications, "Replications per point (at least 1)")
      ->check(whole_number_in(1, kMaxReplications))
      ->capture_default_str();
  add_seed_and_threads(*cmd, *o, "point");
  cmd->add_option("--db", o->db, "SQLite database (default: results/<scenario name>-sweep.db)");
  cmd->add_flag("--resume", o->resume, "Continue the sweep in --db, skipping the points already there");
  cmd->add_flag("-q,--quiet", o->quiet, "No progress output; print only the database path");
  add_lang_option(*cmd, o->lang);
  cmd->callback([o, &exit_code, command_line] { exit_code = sweep(*o, command_line); });
}

}  // namespace kyoten::app
