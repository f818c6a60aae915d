// The classic hold model for a future-event list: with n events pending, repeatedly pop the earliest and schedule
// a new one a random increment later, so the calendar's size stays n. items_per_second = hold operations
// (one pop plus one schedule) per second.
#include <benchmark/benchmark.h>

#include <boost/random/exponential_distribution.hpp>
#include <vector>

#include "sim/event/event_calendar.hpp"
#include "sim/random/stream.hpp"

namespace {

using kyoten::sim::EventCalendar;

void BM_Calendar_HoldModel(benchmark::State& state) {
  const auto pending = static_cast<std::size_t>(state.range(0));
  kyoten::sim::RandomStream stream(1, 0, "hold");
  boost::random::exponential_distribution<double> exp1(1.0);
  // Increments drawn ahead so the loop measures the calendar, not the random-number generator.
  std::vector<double> increments(1 << 16);
  for (double& x : increments) x = exp1(stream);
  const std::size_t mask = increments.size() - 1;

  EventCalendar calendar(pending + 1);
  for (std::size_t i = 0; i < pending; ++i) calendar.schedule(exp1(stream), 0, static_cast<std::uint32_t>(i));
  std::size_t k = 0;
  for (auto _ : state) {
    const auto e = calendar.pop();
    calendar.schedule(e.time + increments[k++ & mask], e.kind, e.subject);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_Calendar_HoldModel)->ArgName("pending")->Arg(10)->Arg(1000)->Arg(100000);

}  // namespace
