#pragma once
// Reference queueing models simulated on the engine, each with a closed form to be checked against
// (closed_forms.hpp): M/M/c (Erlang C), M/G/c/c with lognormal service (Erlang B), the finite-source loss
// model (Engset), and M/M/c/K+M (Erlang A with impatient customers; M/M/c/K with finite room). One call simulates one replication; replication r of seed s draws from streams keyed by
// (s, r, "arrivals") and (s, r, "service"), so changing the service side leaves the arrival sequence unchanged.
//
// Run length: every model starts empty at time 0 and runs to `horizon`; statistics cover [warmup, horizon] only,
// so the empty-and-idle start does not bias them. A customer counts if it arrives at or after `warmup`.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace kyoten::queueing {

struct RunLength {
  double warmup = 0.0;   // statistics start here
  double horizon = 0.0;  // the simulated time at which the run stops (> warmup)
};

// --- M/M/c: Poisson arrivals, exponential service, c servers, unlimited FIFO queue --------------------------
struct MmcParams {
  double lambda = 1.0;             // arrival rate
  double mu = 1.0;                 // service rate of one server
  int servers = 1;
  std::size_t trace_arrivals = 0;  // record the first this-many arrival times (from time 0, warm-up included)
};

struct MmcResult {
  double mean_wait_in_queue = 0.0;      // over counted customers whose service started by the horizon
  double probability_of_waiting = 0.0;  // share of counted arrivals that found every server busy
  double utilisation = 0.0;             // time-average busy servers / c over [warmup, horizon]
  double mean_queue_length = 0.0;       // time-average number waiting over [warmup, horizon]
  std::uint64_t customers = 0;          // counted arrivals
  std::uint64_t events = 0;             // events popped from the calendar, warm-up included (for events/s)
  std::vector<double> arrival_times;    // the first trace_arrivals arrival times

  bool operator==(const MmcResult&) const = default;
};

MmcResult simulate_mmc(const MmcParams& params, const RunLength& run, std::uint64_t seed, std::uint64_t replication);

// --- M/G/c/c: Poisson arrivals, lognormal service, c servers, no queue (blocked arrivals are lost) -----------
struct LossParams {
  double lambda = 1.0;        // arrival rate
  double mean_service = 1.0;  // mean holding time
  double cv_service = 1.0;    // coefficient of variation of the lognormal holding time; 0 means constant
  int servers = 1;
};

struct LossResult {
  double blocking = 0.0;        // share of counted arrivals that found every server busy
  double mean_busy = 0.0;       // time-average busy servers (the carried load, a (1 - B))
  std::uint64_t arrivals = 0;   // counted arrivals
  std::uint64_t events = 0;

  bool operator==(const LossResult&) const = default;
};

LossResult simulate_loss(const LossParams& params, const RunLength& run, std::uint64_t seed, std::uint64_t replication);

// --- Engset: N sources; an idle source requests after an exponential time with rate alpha; c servers; a blocked
// request is lost and its source goes back to idle; exponential holding times with rate mu -----------------------
struct EngsetParams {
  int sources = 1;
  int servers = 1;
  double alpha = 1.0;  // request rate of one idle source
  double mu = 1.0;     // service rate
};

struct EngsetResult {
  double call_congestion = 0.0;  // share of counted requests blocked
  double time_congestion = 0.0;  // share of [warmup, horizon] with every server busy
  std::uint64_t requests = 0;    // counted requests
  std::uint64_t events = 0;

  bool operator==(const EngsetResult&) const = default;
};

EngsetResult simulate_engset(const EngsetParams& params, const RunLength& run, std::uint64_t seed,
                             std::uint64_t replication);

// --- M/M/c/K+M: Poisson arrivals, exponential service, c servers, room for K in the system (0 = unlimited; an
// arrival finding K present is lost) and exponential patience (rate theta; 0 = endless): a waiting customer whose
// patience runs out leaves unserved. Erlang A is K = 0 with theta > 0; M/M/c/K is theta = 0 ----------------------
struct ImpatientParams {
  double lambda = 1.0;
  double mu = 1.0;
  int servers = 1;
  int capacity = 0;           // K, customers in the system at most; 0 = unlimited
  double patience_rate = 0.0; // theta = 1 / mean patience; 0 = nobody gives up
};

struct ImpatientResult {
  double blocking = 0.0;                // share of counted arrivals lost because the system was full
  double probability_of_waiting = 0.0;  // share of counted arrivals admitted to the queue (every server busy)
  double abandonment = 0.0;             // share of counted arrivals that gave up waiting
  // Mean wait of the counted admitted arrivals whose wait ended by the horizon — served (zero if at once) or
  // given up (until they hung up).
  double mean_wait = 0.0;
  double mean_queue_length = 0.0;       // time-average number waiting over [warmup, horizon]
  std::uint64_t arrivals = 0;
  std::uint64_t events = 0;

  bool operator==(const ImpatientResult&) const = default;
};

ImpatientResult simulate_impatient(const ImpatientParams& params, const RunLength& run, std::uint64_t seed,
                                   std::uint64_t replication);

}  // namespace kyoten::queueing
