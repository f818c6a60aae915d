#include "planning/batch_runner.hpp"

#include <algorithm>
#include <memory>
#include <mutex>

#include "models/hub/hub_model.hpp"
#include "sim/run/replication_runner.hpp"

namespace kyoten::planning {
namespace {

// Thrown inside a replication slot to make the runner stop starting new ones (its documented way to stop).
struct Stopped {};

}  // namespace

bool run_batch(std::span<const BatchJob> jobs, std::uint64_t seed, unsigned threads, const BatchCallbacks& callbacks) {
  // Flattened work: item i belongs to the job whose prefix range holds it.
  std::vector<std::size_t> starts;
  std::size_t total = 0;
  for (const BatchJob& j : jobs) {
    starts.push_back(total);
    total += j.count;
  }
  struct Pending {
    std::vector<hub::ReplicationResult> results;
    std::size_t remaining = 0;
  };
  std::vector<Pending> pending(jobs.size());
  for (std::size_t j = 0; j < jobs.size(); ++j) pending[j].remaining = jobs[j].count;
  std::mutex mutex;         // guards `pending`
  std::mutex report_mutex;  // serialises job_done, which may take a while (a database commit)

  auto run_one = [&](std::size_t item) -> char {
    if (callbacks.stop && callbacks.stop->load()) throw Stopped{};
    const std::size_t j =
        static_cast<std::size_t>(std::upper_bound(starts.begin(), starts.end(), item) - starts.begin()) - 1;
    // Empty jobs share a start with the next one; upper_bound picks the last job starting at or before `item`.
    const std::size_t i = item - starts[j];
    hub::ReplicationResult r = hub::simulate_replication(*jobs[j].scenario, seed, jobs[j].first_replication + i);
    r.days = {};  // see the header: planning never reads them
    if (!jobs[j].keep_months) r.months = {};
    std::vector<hub::ReplicationResult> complete;
    {
      std::lock_guard lock(mutex);
      // Slots are made when a job's first replication lands, so only jobs in flight hold memory.
      if (pending[j].results.empty()) pending[j].results.resize(jobs[j].count);
      pending[j].results[i] = std::move(r);
      if (--pending[j].remaining > 0) return 0;
      complete = std::move(pending[j].results);
    }
    if (callbacks.job_done) {
      std::lock_guard lock(report_mutex);
      callbacks.job_done(j, std::move(complete));
    }
    return 0;
  };
  try {
    sim::run_replications(0, total, threads, run_one, callbacks.replication_done);
  } catch (const Stopped&) {
    return false;
  }
  // Jobs with no replications are complete from the start.
  for (std::size_t j = 0; j < jobs.size(); ++j)
    if (jobs[j].count == 0 && callbacks.job_done) callbacks.job_done(j, {});
  return true;
}

std::vector<std::vector<hub::ReplicationResult>> run_all(std::span<const BatchJob> jobs, std::uint64_t seed,
                                                         unsigned threads) {
  std::vector<std::vector<hub::ReplicationResult>> out(jobs.size());
  run_batch(jobs, seed, threads,
            {.job_done = [&out](std::size_t j, std::vector<hub::ReplicationResult>&& r) { out[j] = std::move(r); },
             .replication_done = {},
             .stop = nullptr});
  return out;
}

}  // namespace kyoten::planning
