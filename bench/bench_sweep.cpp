// Sweep throughput: a 48-point grid over the Setagaya ward-wide scenario (calls per registrant × weekday staff ×
// beds reserved at facility C), 100 replications per point, run and committed point by point to a fresh SQLite
// database exactly as `kyoten sweep` does, on 1 and on 2 threads. One iteration runs the whole sweep (tens of
// seconds), hence Iterations(1); compare the two rows, or read `speedup` on the 2-thread row (its time against the
// 1-thread row run just before it in the same process).
#include <benchmark/benchmark.h>
#include <stdlib.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "planning/grid.hpp"
#include "planning/scenario_set.hpp"
#include "planning/sweep.hpp"

namespace {

namespace fs = std::filesystem;
using namespace kyoten::planning;

constexpr std::size_t kReplications = 100;

struct Grid {
  std::vector<Dimension> dimensions;
  std::vector<GridPoint> points;
  std::vector<kyoten::scenario::LoadedScenario> scenarios;
};

const Grid& grid() {
  static const Grid g = [] {
    Grid out;
    for (const char* spec : {"calls.per_registrant_per_year=0.4,0.5,0.6,0.7", "centers[0].staff[1].count=1,2,3",
                             "facilities[2].reserved_emergency_beds=0,1,2,3"})
      out.dimensions.push_back(parse_dimension(spec, "--vary"));
    out.points = cartesian_product(out.dimensions);
    const fs::path file = fs::path(KYOTEN_SOURCE_DIR) / "scenarios" / "setagaya-wardwide.toml";
    std::vector<ScenarioRequest> requests;
    for (const GridPoint& p : out.points) requests.push_back(ScenarioRequest{file.string(), overrides_of(p)});
    out.scenarios = load_all(requests);
    return out;
  }();
  return g;
}

double g_one_thread_seconds = 0;

void BM_Sweep_SetagayaWardwide_48Points(benchmark::State& state) {
  const Grid& g = grid();
  const auto threads = static_cast<unsigned>(state.range(0));
  std::vector<SweepTask> tasks;
  for (std::size_t i = 0; i < g.points.size(); ++i) tasks.push_back({i, &g.points[i], &g.scenarios[i].scenario});
  std::string dir = (fs::temp_directory_path() / "kyoten-bench-sweep-XXXXXX").string();
  if (!::mkdtemp(dir.data())) {
    state.SkipWithError("mkdtemp failed");
    return;
  }
  double seconds = 0;
  std::size_t runs = 0;
  for (auto _ : state) {
    const fs::path db = fs::path(dir) / ("sweep-" + std::to_string(runs++) + ".db");
    const auto start = std::chrono::steady_clock::now();
    SweepStore store = SweepStore::create(db, SweepMeta{.scenario_file = "setagaya-wardwide.toml",
                                                        .scenario_name = "setagaya-wardwide",
                                                        .scenario_json = "{}",
                                                        .overrides_json = "[]",
                                                        .vary_json = dimensions_json(g.dimensions).dump(),
                                                        .seed = 1,
                                                        .replications = kReplications,
                                                        .points = g.points.size(),
                                                        .confidence_level = 0.95,
                                                        .kyoten_version = "bench",
                                                        .created = "",
                                                        .command = "bench_sweep"});
    const SweepOutcome outcome = run_sweep(store, tasks, 1, kReplications, threads, 0.95, {});
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!outcome.complete) state.SkipWithError("sweep incomplete");
  }
  fs::remove_all(dir);
  const double per_run = seconds / static_cast<double>(runs);
  if (threads == 1) g_one_thread_seconds = per_run;
  state.counters["points_per_s"] = static_cast<double>(g.points.size()) / per_run;
  state.counters["replications_per_s"] = static_cast<double>(g.points.size() * kReplications) / per_run;
  if (threads > 1 && g_one_thread_seconds > 0) state.counters["speedup"] = g_one_thread_seconds / per_run;
}
BENCHMARK(BM_Sweep_SetagayaWardwide_48Points)
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(2)
    ->Iterations(1)
    ->Unit(benchmark::kSecond)
    ->UseRealTime();

}  // namespace
