// `kyoten serve`: the time from a changed control to the answer, as the page sees it — one POST /api/run over
// loopback HTTP with the night staff count or the hourly wage changed, 200 replications of setagaya-wardwide on
// 2 threads, the baseline already cached (the page runs it when it opens). 30 changes, each different from the
// one before; the counters give the median and the 95th percentile over them.
#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "app/serve_routes.hpp"
#include "app/serve_whatif.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr int kReplications = 200;
constexpr unsigned kThreads = 2;
constexpr int kChanges = 30;

void BM_Serve_ChangeToAnswer(benchmark::State& state) {
  const fs::path save_dir = fs::temp_directory_path() / "kyoten-bench-serve";
  kyoten::app::WhatIfService service({.scenario_files = {fs::path(KYOTEN_SOURCE_DIR) / "scenarios/setagaya-wardwide.toml"},
                                      .save_dir = save_dir,
                                      .threads = kThreads,
                                      .seed = 1,
                                      .default_replications = kReplications,
                                      .max_replications = 2000});
  kyoten::app::WhatIfServer server(service, kyoten::app::default_site());
  const int port = server.bind("127.0.0.1", 0);
  std::thread listener([&server] { server.listen(); });
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(120, 0);
  const auto ask = [&client](const json& changes) {
    const json body = {{"scenario", "setagaya-wardwide"}, {"changes", changes}, {"client", "bench"}};
    const auto res = client.Post("/api/run", body.dump(), "application/json");
    if (!res || res->status != 200) throw std::runtime_error("the run failed");
    // the answer must be what is timed: 200 replications of the changed scenario (no rounding to draw groups)
    if (json::parse(res->body).value("replications", 0) != kReplications)
      throw std::runtime_error("the answer is not of 200 replications");
  };
  ask(json::object());  // the page's first answer: the baseline, cached from then on

  std::vector<double> ms;
  int i = 0;
  for (auto _ : state) {
    // alternate the levers a planner moves: 1–4 staff round the clock, or the wage in 100-yen steps
    const json changes = i % 2 == 0 ? json{{"centers[0].staff[0].count", 1 + (i / 2) % 4}}
                                     : json{{"centers[0].staff_cost_per_hour_yen", 2000 + 100 * (i / 2)}};
    const auto start = std::chrono::steady_clock::now();
    ask(changes);
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    ++i;
  }
  std::sort(ms.begin(), ms.end());
  const auto at = [&ms](double q) { return ms[static_cast<std::size_t>(std::ceil(q * ms.size())) - 1]; };
  state.counters["median_ms"] = ms.size() % 2 ? ms[ms.size() / 2] : (ms[ms.size() / 2 - 1] + ms[ms.size() / 2]) / 2;
  state.counters["p95_ms"] = at(0.95);
  state.counters["max_ms"] = ms.back();
  state.SetLabel(fmt::format("{} changes, {} replications, {} threads", ms.size(), kReplications, kThreads));
  server.stop();
  listener.join();
  std::error_code ignored;
  fs::remove_all(save_dir, ignored);
}
BENCHMARK(BM_Serve_ChangeToAnswer)->Iterations(kChanges)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace
