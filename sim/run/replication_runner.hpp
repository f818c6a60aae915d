#pragma once
// Runs independent replications on a pool of threads. Replication r's result lands in slot r whatever thread
// ran it, and each replication derives its own random streams from (seed, r, purpose), so the results are
// bit-identical for any thread count.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace kyoten::sim {

// Number of worker threads to use when the user did not say: all hardware threads.
inline unsigned default_thread_count() { return std::max(1u, std::thread::hardware_concurrency()); }

// Calls run(r) for r in [first, first + count) on `threads` workers and returns the results in order of r.
// on_done(finished_so_far) is called (serialised) after each replication, e.g. to draw a progress bar.
// The first exception thrown by any replication stops the others from starting and is rethrown here.
template <class Run>
auto run_replications(std::size_t first, std::size_t count, unsigned threads, Run&& run,
                      const std::function<void(std::size_t)>& on_done = {})
    -> std::vector<decltype(run(std::size_t{}))> {
  using Result = decltype(run(std::size_t{}));
  std::vector<Result> results(count);
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::mutex mutex;
  std::size_t finished = 0;

  auto worker = [&] {
    for (;;) {
      const std::size_t i = next.fetch_add(1);
      if (i >= count || failed.load()) return;
      try {
        results[i] = run(first + i);
      } catch (...) {
        std::lock_guard lock(mutex);
        if (!error) error = std::current_exception();
        failed = true;
        return;
      }
      if (on_done) {
        std::lock_guard lock(mutex);
        on_done(++finished);
      }
    }
  };

  const unsigned n = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(std::max<std::size_t>(count, 1))));
  if (n == 1) {
    worker();
  } else {
    std::vector<std::jthread> pool;
    pool.reserve(n);
    for (unsigned t = 0; t < n; ++t) pool.emplace_back(worker);
  }
  if (error) std::rethrow_exception(error);
  return results;
}

}  // namespace kyoten::sim
