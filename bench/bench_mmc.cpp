// End-to-end throughput of the engine on M/M/c: calendar, streams, exponential draws and the model's own
// bookkeeping together. Reports events per second (items_per_second); the target is >= 10 M events/s on one thread.
#include <benchmark/benchmark.h>

#include "models/queueing/reference_models.hpp"

namespace {

namespace q = kyoten::queueing;

constexpr double kRho = 0.8;
constexpr double kArrivalsPerIteration = 200'000.0;

// Args: servers c. rho = 0.8, mu = 1; one replication of ~200k arrivals (~400k events) per iteration.
void BM_MMc_EndToEnd(benchmark::State& state) {
  const int servers = static_cast<int>(state.range(0));
  const q::MmcParams params{kRho * servers, 1.0, servers, 0};
  const q::RunLength run{0.0, kArrivalsPerIteration / params.lambda};
  std::uint64_t events = 0;
  std::uint64_t replication = 0;
  for (auto _ : state) {
    const auto r = q::simulate_mmc(params, run, 42, replication++);
    events += r.events;
    benchmark::DoNotOptimize(r.mean_wait_in_queue);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(events));
}
BENCHMARK(BM_MMc_EndToEnd)->ArgName("c")->Arg(2)->Arg(4)->Unit(benchmark::kMillisecond);

}  // namespace
