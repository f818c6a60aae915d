// One replication of the Setagaya ward-wide scenario stretched to ten years: the unit of work of every
// planner command (run, compare, sweep, optimize). Target: at most 10 ms.
#include <benchmark/benchmark.h>

#include <chrono>
#include <string>

#include "models/hub/hub_model.hpp"
#include "scenario/loader.hpp"

namespace {

kyoten::hub::Scenario ten_year_wardwide() {
  auto loaded = kyoten::scenario::load_scenario(std::string(KYOTEN_SOURCE_DIR) + "/scenarios/setagaya-wardwide.toml");
  kyoten::hub::Scenario sc = loaded.scenario;
  // The expected registered count stays at its last knot beyond the file's horizon.
  sc.horizon.end = sc.horizon.start + std::chrono::days{3653};
  return sc;
}

void BM_Hub_SetagayaWardwide_TenYears(benchmark::State& state) {
  const kyoten::hub::Scenario sc = ten_year_wardwide();
  std::uint64_t replication = 0;
  double calls = 0;
  for (auto _ : state) {
    const auto r = kyoten::hub::simulate_replication(sc, 1, replication++);
    calls += r.kpi[kyoten::hub::kpi_index("calls")];
    benchmark::DoNotOptimize(r);
  }
  state.counters["calls_per_replication"] = calls / static_cast<double>(replication);
  state.SetItemsProcessed(static_cast<std::int64_t>(replication));  // replications per second
}
BENCHMARK(BM_Hub_SetagayaWardwide_TenYears)->Unit(benchmark::kMillisecond);

}  // namespace
