#pragma once
// Running the points of a sweep: every point's replications on one thread pool, each point committed to the
// SweepStore as soon as its last replication finishes. Replication r of every point uses seed (seed, r), so the
// points are compared on common random numbers and a resumed sweep computes exactly what an uninterrupted one would.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>

#include "models/hub/scenario.hpp"
#include "planning/grid.hpp"
#include "planning/sweep_store.hpp"

namespace kyoten::planning {

struct SweepTask {
  std::size_t index = 0;  // the point's place in the grid (its id in the database)
  const GridPoint* point = nullptr;
  const hub::Scenario* scenario = nullptr;  // the scenario with the point's settings applied
};

struct SweepCallbacks {
  // After a point is committed; `committed` counts the points committed in this run so far.
  std::function<void(const SweepTask& task, std::size_t committed)> point_committed;
  std::function<void(std::size_t replications_done)> replication_done;
  // Once true, no replication starts; points whose replications all finished are still committed, the others
  // are abandoned (nothing of them is written).
  const std::atomic<bool>* stop = nullptr;
};

struct SweepOutcome {
  std::size_t committed = 0;
  bool complete = false;  // false if stopped before every task was committed
};

SweepOutcome run_sweep(SweepStore& store, std::span<const SweepTask> tasks, std::uint64_t seed,
                       std::size_t replications, unsigned threads, double confidence_level,
                       const SweepCallbacks& callbacks);

}  // namespace kyoten::planning
