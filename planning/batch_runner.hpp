#pragma once
// Replications of several scenarios on one thread pool. Sweeps and optimisations have many configurations with
// few replications each: pooling them keeps every thread busy instead of idling at the end of each configuration.
// Replication r of every job uses seed (seed, r): common random numbers across configurations.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "models/hub/results.hpp"
#include "models/hub/scenario.hpp"

namespace kyoten::planning {

struct BatchJob {
  const hub::Scenario* scenario = nullptr;
  std::uint64_t first_replication = 0;
  std::size_t count = 0;
  bool keep_months = false;  // keep the per-month series (the what-if page's fan charts); days are always dropped
};

struct BatchCallbacks {
  // Called (serialised) once all of job j's replications are done, results in replication order. Jobs finish
  // roughly in the order given. An exception thrown here stops the batch and is rethrown by run_batch.
  std::function<void(std::size_t job, std::vector<hub::ReplicationResult>&& results)> job_done;
  // Called (serialised) after each replication with the number finished so far in this batch.
  std::function<void(std::size_t replications_done)> replication_done;
  // Polled before each replication starts: once true, no replication starts; running ones finish, and jobs left
  // incomplete are never reported. run_batch then returns false.
  const std::atomic<bool>* stop = nullptr;
};

// Runs every job; returns true if all finished, false if stopped. The per-day and (unless the job keeps them)
// per-month series are dropped from the results (planning reads KPIs and costs; a 48-point sweep would otherwise
// hold gigabytes).
bool run_batch(std::span<const BatchJob> jobs, std::uint64_t seed, unsigned threads, const BatchCallbacks& callbacks);

// Convenience: every job's results, in job order (throws what a replication throws).
std::vector<std::vector<hub::ReplicationResult>> run_all(std::span<const BatchJob> jobs, std::uint64_t seed,
                                                         unsigned threads);

}  // namespace kyoten::planning
