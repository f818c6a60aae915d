#include "models/queueing/reference_models.hpp"

#include <fmt/format.h>

#include <boost/random/exponential_distribution.hpp>
#include <cmath>
#include <stdexcept>
#include <string>

#include "models/queueing/fifo_ring.hpp"
#include "sim/event/event_calendar.hpp"
#include "sim/random/distribution.hpp"
#include "sim/random/stream.hpp"

namespace kyoten::queueing {
namespace {

using sim::EventCalendar;
using sim::RandomStream;
// Boost's exponential draws directly: about 5 ns, against ~21 ns for libstdc++'s (measured when the engine was
// designed; not re-measured by bench/).
using Exponential = boost::random::exponential_distribution<double>;

// Event kinds shared by the models. WarmupEnd resets the statistics; Horizon stops the run.
enum Kind : std::uint32_t { kArrival, kDeparture, kWarmupEnd, kHorizon, kGiveUp };

void require_positive(double x, const char* what) {
  if (!(x > 0.0) || !std::isfinite(x)) throw std::invalid_argument(fmt::format("{} must be > 0 (got {:g})", what, x));
}

void require_servers(int servers) {
  if (servers < 1) throw std::invalid_argument(fmt::format("servers must be >= 1 (got {})", servers));
}

void require_run(const RunLength& run) {
  if (!(run.warmup >= 0.0) || !std::isfinite(run.warmup))
    throw std::invalid_argument(fmt::format("warm-up must be >= 0 (got {:g})", run.warmup));
  if (!(run.horizon > run.warmup) || !std::isfinite(run.horizon))
    throw std::invalid_argument(
        fmt::format("horizon must be finite and after the warm-up (got {:g}, warm-up {:g})", run.horizon, run.warmup));
}

void schedule_run_markers(EventCalendar& calendar, const RunLength& run) {
  calendar.schedule(run.warmup, kWarmupEnd);
  calendar.schedule(run.horizon, kHorizon);
}

// Integral of a piecewise-constant level since the last reset; cheaper to inline here than a call per event.
struct LevelIntegral {
  double area = 0.0;
  double since = 0.0;
  void advance(double now, double level) {
    area += level * (now - since);
    since = now;
  }
  void reset(double now) {
    area = 0.0;
    since = now;
  }
};

double ratio(double num, std::uint64_t den) { return den ? num / static_cast<double>(den) : 0.0; }

// The M/M/c queue on the engine (Poisson arrivals, c exponential servers, one FIFO queue) with the two
// extensions of M/M/c/K+M: room for at most K in the system (0: unlimited; an arrival finding K present is lost)
// and exponential patience (rate 0: nobody gives up). M/M/c is K = 0 with rate 0, so both reference models run
// this one birth–death loop: the same events, draws and sums in the same order.
struct QueueParams {
  double lambda = 1.0;
  double mu = 1.0;
  int servers = 1;
  int capacity = 0;
  double patience_rate = 0.0;
  std::size_t trace_arrivals = 0;
};

// Counts and integrals over [warmup, horizon] (counted customers arrived at or after the warm-up).
struct QueueRun {
  std::uint64_t arrivals = 0;     // counted arrivals
  std::uint64_t blocked = 0;      // lost: the system was full
  std::uint64_t waited = 0;       // admitted to the queue (every server busy)
  std::uint64_t abandoned = 0;    // gave up waiting
  std::uint64_t waits_ended = 0;  // waits that ended by the horizon: served (zero if at once) or given up
  double wait_sum = 0.0;          // their total
  double busy_area = 0.0;         // integral of the busy servers
  double queue_area = 0.0;        // integral of the number waiting
  std::uint64_t events = 0;       // popped, warm-up included
  std::vector<double> arrival_times;  // the first trace_arrivals, warm-up included
};

QueueRun simulate_queue(const QueueParams& p, const RunLength& run, std::uint64_t seed, std::uint64_t replication) {
  RandomStream arrival_stream(seed, replication, "arrivals");
  RandomStream service_stream(seed, replication, "service");
  RandomStream patience_stream(seed, replication, "patience");
  Exponential interarrival(p.lambda);
  Exponential service(p.mu);
  const bool impatient = p.patience_rate > 0;
  Exponential patience(impatient ? p.patience_rate : 1.0);  // drawn only when someone may give up

  // Waiting customers in arrival order; one who gave up stays in the ring, marked, until it reaches the front.
  struct Waiting {
    double arrived = 0.0;
    std::uint32_t id = 0;  // index into gave_up (customers who may give up)
    sim::EventHandle give_up;
  };
  // Pending: a departure per server, the next arrival and the two run markers; give-ups besides.
  EventCalendar calendar(impatient ? 1024 : static_cast<std::size_t>(p.servers) + 3);
  FifoRing<Waiting> ring(1024);
  std::vector<double> arrived_at;     // by customer who may give up
  std::vector<std::uint8_t> gave_up;  // by customer who may give up
  QueueRun r;
  r.arrival_times.reserve(p.trace_arrivals);
  int busy = 0;
  std::size_t waiting = 0;
  bool counting = false;
  LevelIntegral busy_area, queue_area;
  const auto end_wait = [&](double arrived, double now) {
    if (arrived < run.warmup) return;  // customers who arrived during warm-up are not counted
    r.wait_sum += now - arrived;
    ++r.waits_ended;
  };
  const auto start_service = [&](double now) { calendar.schedule(now + service(service_stream), kDeparture); };

  schedule_run_markers(calendar, run);
  calendar.schedule(interarrival(arrival_stream), kArrival);
  for (;;) {
    const sim::Event e = calendar.pop();
    const double now = e.time;
    ++r.events;
    switch (e.kind) {
      case kArrival: {
        if (r.arrival_times.size() < p.trace_arrivals) r.arrival_times.push_back(now);
        calendar.schedule(now + interarrival(arrival_stream), kArrival);
        if (counting) ++r.arrivals;
        const auto present = static_cast<std::size_t>(busy) + waiting;
        if (p.capacity > 0 && present >= static_cast<std::size_t>(p.capacity)) {
          if (counting) ++r.blocked;
        } else if (busy < p.servers) {
          busy_area.advance(now, busy);
          ++busy;
          if (counting) ++r.waits_ended;  // waited zero
          start_service(now);
        } else {
          if (counting) ++r.waited;
          queue_area.advance(now, static_cast<double>(waiting));
          ++waiting;
          Waiting w{now, static_cast<std::uint32_t>(gave_up.size()), {}};
          if (impatient) {
            arrived_at.push_back(now);
            gave_up.push_back(0);
            w.give_up = calendar.schedule_cancellable(sim::Event{now + patience(patience_stream), kGiveUp, w.id});
          }
          ring.push(w);
        }
        break;
      }
      case kGiveUp:
        queue_area.advance(now, static_cast<double>(waiting));
        --waiting;
        gave_up[e.subject] = 1;
        if (arrived_at[e.subject] >= run.warmup) ++r.abandoned;
        end_wait(arrived_at[e.subject], now);  // a caller who hung up waited until then
        break;
      case kDeparture: {
        bool served = false;
        while (!ring.empty() && !served) {
          const Waiting w = ring.pop();
          if (impatient && gave_up[w.id]) continue;
          queue_area.advance(now, static_cast<double>(waiting));
          --waiting;
          if (impatient) calendar.cancel(w.give_up);
          end_wait(w.arrived, now);
          start_service(now);
          served = true;
        }
        if (!served) {
          busy_area.advance(now, busy);
          --busy;
        }
        break;
      }
      case kWarmupEnd:
        counting = true;
        busy_area.reset(now);
        queue_area.reset(now);
        break;
      case kHorizon:
        busy_area.advance(now, busy);
        queue_area.advance(now, static_cast<double>(waiting));
        r.busy_area = busy_area.area;
        r.queue_area = queue_area.area;
        return r;
    }
  }
}

}  // namespace

MmcResult simulate_mmc(const MmcParams& p, const RunLength& run, std::uint64_t seed, std::uint64_t replication) {
  require_positive(p.lambda, "arrival rate");
  require_positive(p.mu, "service rate");
  require_servers(p.servers);
  require_run(run);

  const QueueRun q = simulate_queue({p.lambda, p.mu, p.servers, 0, 0.0, p.trace_arrivals}, run, seed, replication);
  const double span = run.horizon - run.warmup;
  MmcResult r;
  r.mean_wait_in_queue = ratio(q.wait_sum, q.waits_ended);
  r.probability_of_waiting = ratio(static_cast<double>(q.waited), q.arrivals);
  r.utilisation = q.busy_area / (span * p.servers);
  r.mean_queue_length = q.queue_area / span;
  r.customers = q.arrivals;
  r.events = q.events;
  r.arrival_times = q.arrival_times;
  return r;
}

LossResult simulate_loss(const LossParams& p, const RunLength& run, std::uint64_t seed, std::uint64_t replication) {
  require_positive(p.lambda, "arrival rate");
  require_positive(p.mean_service, "mean service time");
  if (!(p.cv_service >= 0.0) || !std::isfinite(p.cv_service))
    throw std::invalid_argument(fmt::format("service cv must be >= 0 (got {:g})", p.cv_service));
  require_servers(p.servers);
  require_run(run);

  RandomStream arrival_stream(seed, replication, "arrivals");
  RandomStream service_stream(seed, replication, "service");
  Exponential interarrival(p.lambda);
  const sim::Distribution service(p.cv_service > 0.0 ? sim::DistributionSpec{sim::LogNormal{p.mean_service,
                                                                                          p.cv_service * p.mean_service}}
                                                     : sim::DistributionSpec{sim::Constant{p.mean_service}});

  EventCalendar calendar(static_cast<std::size_t>(p.servers) + 3);
  LossResult r;
  int busy = 0;
  bool counting = false;
  std::uint64_t blocked = 0;
  LevelIntegral busy_area;

  schedule_run_markers(calendar, run);
  calendar.schedule(interarrival(arrival_stream), kArrival);
  for (;;) {
    const sim::Event e = calendar.pop();
    const double now = e.time;
    ++r.events;
    switch (e.kind) {
      case kArrival:
        calendar.schedule(now + interarrival(arrival_stream), kArrival);
        if (counting) ++r.arrivals;
        if (busy < p.servers) {
          busy_area.advance(now, busy);
          ++busy;
          calendar.schedule(now + service(service_stream), kDeparture);
        } else if (counting) {
          ++blocked;
        }
        break;
      case kDeparture:
        busy_area.advance(now, busy);
        --busy;
        break;
      case kWarmupEnd:
        counting = true;
        busy_area.reset(now);
        break;
      case kHorizon:
        busy_area.advance(now, busy);
        r.blocking = ratio(static_cast<double>(blocked), r.arrivals);
        r.mean_busy = busy_area.area / (run.horizon - run.warmup);
        return r;
    }
  }
}

EngsetResult simulate_engset(const EngsetParams& p, const RunLength& run, std::uint64_t seed,
                             std::uint64_t replication) {
  if (p.sources < 1) throw std::invalid_argument(fmt::format("sources must be >= 1 (got {})", p.sources));
  require_servers(p.servers);
  require_positive(p.alpha, "request rate per idle source");
  require_positive(p.mu, "service rate");
  require_run(run);

  RandomStream arrival_stream(seed, replication, "arrivals");
  RandomStream service_stream(seed, replication, "service");
  Exponential think(p.alpha);  // an idle source's time to its next request
  Exponential service(p.mu);

  // One pending event per source: its next request while idle, its departure while served.
  EventCalendar calendar(static_cast<std::size_t>(p.sources) + 2);
  EngsetResult r;
  int busy = 0;
  bool counting = false;
  std::uint64_t blocked = 0;
  LevelIntegral full_time;  // integral of the indicator "every server busy"

  auto next_request = [&](double now, std::uint32_t source) {
    calendar.schedule(now + think(arrival_stream), kArrival, source);
  };

  schedule_run_markers(calendar, run);
  for (std::uint32_t s = 0; s < static_cast<std::uint32_t>(p.sources); ++s) next_request(0.0, s);
  for (;;) {
    const sim::Event e = calendar.pop();
    const double now = e.time;
    ++r.events;
    switch (e.kind) {
      case kArrival:
        if (counting) ++r.requests;
        if (busy < p.servers) {
          full_time.advance(now, busy == p.servers);
          ++busy;
          calendar.schedule(now + service(service_stream), kDeparture, e.subject);
        } else {
          if (counting) ++blocked;
          next_request(now, e.subject);
        }
        break;
      case kDeparture:
        full_time.advance(now, busy == p.servers);
        --busy;
        next_request(now, e.subject);
        break;
      case kWarmupEnd:
        counting = true;
        full_time.reset(now);
        break;
      case kHorizon:
        full_time.advance(now, busy == p.servers);
        r.call_congestion = ratio(static_cast<double>(blocked), r.requests);
        r.time_congestion = full_time.area / (run.horizon - run.warmup);
        return r;
    }
  }
}

ImpatientResult simulate_impatient(const ImpatientParams& p, const RunLength& run, std::uint64_t seed,
                                   std::uint64_t replication) {
  require_positive(p.lambda, "arrival rate");
  require_positive(p.mu, "service rate");
  require_servers(p.servers);
  if (p.capacity != 0 && p.capacity < p.servers)
    throw std::invalid_argument(fmt::format("capacity must be 0 (unlimited) or >= servers (got {})", p.capacity));
  if (!(p.patience_rate >= 0.0) || !std::isfinite(p.patience_rate))
    throw std::invalid_argument(fmt::format("patience rate must be >= 0 (got {:g})", p.patience_rate));
  require_run(run);

  const QueueRun q =
      simulate_queue({p.lambda, p.mu, p.servers, p.capacity, p.patience_rate, 0}, run, seed, replication);
  ImpatientResult r;
  r.blocking = ratio(static_cast<double>(q.blocked), q.arrivals);
  r.probability_of_waiting = ratio(static_cast<double>(q.waited), q.arrivals);
  r.abandonment = ratio(static_cast<double>(q.abandoned), q.arrivals);
  r.mean_wait = ratio(q.wait_sum, q.waits_ended);
  r.mean_queue_length = q.queue_area / (run.horizon - run.warmup);
  r.arrivals = q.arrivals;
  r.events = q.events;
  return r;
}

}  // namespace kyoten::queueing
