#include "planning/sweep.hpp"

#include <vector>

#include "models/hub/parameter_draws.hpp"
#include "planning/batch_runner.hpp"

namespace kyoten::planning {

SweepOutcome run_sweep(SweepStore& store, std::span<const SweepTask> tasks, std::uint64_t seed,
                       std::size_t replications, unsigned threads, double confidence_level,
                       const SweepCallbacks& callbacks) {
  std::vector<BatchJob> jobs;
  jobs.reserve(tasks.size());
  for (const SweepTask& t : tasks) jobs.push_back({t.scenario, 0, replications});
  SweepOutcome outcome;
  const bool finished =
      run_batch(jobs, seed, threads,
                {.job_done =
                     [&](std::size_t j, std::vector<hub::ReplicationResult>&& results) {
                       const SweepTask& t = tasks[j];
                       store.commit_point(t.index, *t.point, results, t.scenario->budget, confidence_level,
                                          hub::replications_per_draw(*t.scenario));
                       ++outcome.committed;
                       if (callbacks.point_committed) callbacks.point_committed(t, outcome.committed);
                     },
                 .replication_done = callbacks.replication_done,
                 .stop = callbacks.stop});
  outcome.complete = finished && outcome.committed == tasks.size();
  return outcome;
}

}  // namespace kyoten::planning
