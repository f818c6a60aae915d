#include "models/queueing/verification.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "models/queueing/closed_forms.hpp"
#include "sim/run/replication_runner.hpp"
#include "sim/stats/confidence.hpp"

namespace kyoten::queueing {
namespace {

// Run-length rule (see default_run_length): enough arrivals per replication for a usable interval, and a
// warm-up of many relaxation times so the empty start is forgotten (bias far below the interval's width).
constexpr double kCountedArrivals = 20000.0;
constexpr double kWarmupArrivals = 2000.0;
constexpr double kWarmupRelaxations = 20.0;
// In heavy traffic 20000 arrivals can be shorter than the queue's memory; then count over many relaxation times.
constexpr double kCountedRelaxations = 50.0;
// Agreement required when every replication gives the same value and the interval has no width.
constexpr double kDegenerateTolerance = 1e-6;
// Room of M/M/c/K checked by the product form term by term: far above any queue a user would ask about.
constexpr int kMaxCapacity = 1'000'000;

Point mmc(Quantity q, int c, double lambda, double mu) {
  return Point{ModelKind::Mmc, q, lambda, mu, c, 0, 1.0, {}};
}
Point loss(int c, double lambda, double mu, double cv) {
  return Point{ModelKind::Loss, Quantity::Blocking, lambda, mu, c, 0, cv, {}};
}
Point engset(Quantity q, int n, int c, double alpha, double mu) {
  return Point{ModelKind::Engset, q, alpha, mu, c, n, 1.0, {}};
}
Point erlang_a_point(Quantity q, int c, double lambda, double mu, double theta) {
  return Point{ModelKind::ErlangA, q, lambda, mu, c, 0, 1.0, {}, 0, theta};
}
Point mmck(Quantity q, int c, int k, double lambda, double mu) {
  return Point{ModelKind::Mmck, q, lambda, mu, c, 0, 1.0, {}, k, 0.0};
}

const char* model_name(ModelKind m) {
  switch (m) {
    case ModelKind::Mmc: return "M/M/c";
    case ModelKind::Loss: return "M/G/c/c";
    case ModelKind::Engset: return "Engset";
    case ModelKind::ErlangA: return "Erlang A";
    case ModelKind::Mmck: return "M/M/c/K";
  }
  return "?";
}

const char* quantity_name(Quantity q) {
  switch (q) {
    case Quantity::MeanWait: return "Wq";
    case Quantity::ProbabilityOfWaiting: return "P(wait)";
    case Quantity::Blocking: return "P(block)";
    case Quantity::CallCongestion: return "call congestion";
    case Quantity::TimeCongestion: return "time congestion";
    case Quantity::Abandonment: return "P(abandon)";
  }
  return "?";
}

std::string describe(const Point& p) {
  switch (p.model) {
    case ModelKind::Mmc: return fmt::format("c={} λ={:g} μ={:g}", p.servers, p.arrival_rate, p.service_rate);
    case ModelKind::Loss:
      if (p.service_cv == 0.0)
        return fmt::format("c={} λ={:g} μ={:g} constant", p.servers, p.arrival_rate, p.service_rate);
      return fmt::format("c={} λ={:g} μ={:g} lognormal cv={:g}", p.servers, p.arrival_rate, p.service_rate,
                         p.service_cv);
    case ModelKind::Engset:
      return fmt::format("N={} c={} α={:g} μ={:g}", p.sources, p.servers, p.arrival_rate, p.service_rate);
    case ModelKind::ErlangA:
      return fmt::format("c={} λ={:g} μ={:g} θ={:g}", p.servers, p.arrival_rate, p.service_rate, p.patience_rate);
    case ModelKind::Mmck:
      return fmt::format("c={} K={} λ={:g} μ={:g}", p.servers, p.capacity, p.arrival_rate, p.service_rate);
  }
  return {};
}

bool positive(double x) { return x > 0.0 && std::isfinite(x); }

struct Sample {
  double value = 0.0;
  std::uint64_t events = 0;
};

Sample simulate_once(const Point& p, const RunLength& run, std::uint64_t seed, std::uint64_t replication) {
  switch (p.model) {
    case ModelKind::Mmc: {
      const auto r = simulate_mmc({p.arrival_rate, p.service_rate, p.servers, 0}, run, seed, replication);
      return {p.quantity == Quantity::MeanWait ? r.mean_wait_in_queue : r.probability_of_waiting, r.events};
    }
    case ModelKind::Loss: {
      const auto r =
          simulate_loss({p.arrival_rate, 1.0 / p.service_rate, p.service_cv, p.servers}, run, seed, replication);
      return {r.blocking, r.events};
    }
    case ModelKind::Engset: {
      const auto r = simulate_engset({p.sources, p.servers, p.arrival_rate, p.service_rate}, run, seed, replication);
      return {p.quantity == Quantity::CallCongestion ? r.call_congestion : r.time_congestion, r.events};
    }
    case ModelKind::ErlangA:
    case ModelKind::Mmck: {
      const int capacity = p.model == ModelKind::Mmck ? p.capacity : 0;
      const double theta = p.model == ModelKind::ErlangA ? p.patience_rate : 0.0;
      const auto r = simulate_impatient({p.arrival_rate, p.service_rate, p.servers, capacity, theta}, run, seed,
                                        replication);
      switch (p.quantity) {
        case Quantity::Blocking: return {r.blocking, r.events};
        case Quantity::Abandonment: return {r.abandonment, r.events};
        case Quantity::ProbabilityOfWaiting: return {r.probability_of_waiting, r.events};
        default: return {r.mean_wait, r.events};
      }
    }
  }
  return {};
}

}  // namespace

std::vector<Point> builtin_points() {
  using Q = Quantity;
  return {
      // Erlang C: M/M/c from light to heavy traffic (rho 0.5 .. 0.9), one server to twenty.
      mmc(Q::MeanWait, 1, 0.5, 1.0),
      mmc(Q::MeanWait, 2, 1.6, 1.0),
      mmc(Q::MeanWait, 3, 4.0, 2.0),
      mmc(Q::MeanWait, 4, 3.2, 1.0),
      mmc(Q::MeanWait, 10, 8.5, 1.0),
      mmc(Q::MeanWait, 8, 7.2, 1.0),
      mmc(Q::ProbabilityOfWaiting, 3, 2.1, 1.0),
      mmc(Q::ProbabilityOfWaiting, 5, 4.0, 1.0),
      mmc(Q::ProbabilityOfWaiting, 20, 17.0, 1.0),
      // Erlang B with lognormal holding times, cv 0.5 .. 2: insensitivity says the mean alone matters.
      loss(1, 0.5, 1.0, 0.5),
      loss(5, 3.0, 1.0, 0.5),
      loss(10, 7.0, 1.0, 1.0),
      loss(15, 10.0, 1.0, 2.0),
      loss(2, 2.0, 0.5, 1.5),
      loss(20, 18.0, 1.0, 0.7),
      loss(30, 50.0, 2.0, 2.0),
      // Engset: finite sources, call congestion (what a request sees) and time congestion (what an observer sees).
      engset(Q::CallCongestion, 10, 3, 0.2, 1.0),
      engset(Q::CallCongestion, 20, 5, 0.15, 1.0),
      engset(Q::CallCongestion, 5, 2, 0.5, 1.0),
      engset(Q::CallCongestion, 30, 10, 0.3, 1.0),
      engset(Q::CallCongestion, 50, 8, 0.1, 1.0),
      engset(Q::CallCongestion, 8, 4, 1.0, 1.0),
      engset(Q::TimeCongestion, 10, 3, 0.2, 1.0),
      engset(Q::TimeCongestion, 30, 10, 0.3, 1.0),
      // Erlang A: impatient callers, from patient (θ = μ / 10) to impatient (θ = 2 μ), overloaded included.
      erlang_a_point(Q::Abandonment, 1, 0.8, 1.0, 0.5),
      erlang_a_point(Q::Abandonment, 3, 3.5, 1.0, 0.2),
      erlang_a_point(Q::Abandonment, 5, 6.0, 1.0, 2.0),
      erlang_a_point(Q::ProbabilityOfWaiting, 3, 2.5, 1.0, 0.5),
      erlang_a_point(Q::MeanWait, 2, 1.8, 1.0, 0.1),
      erlang_a_point(Q::MeanWait, 10, 9.0, 1.0, 1.0),
      // M/M/c/K: finite room, light to overloaded.
      mmck(Q::Blocking, 1, 3, 0.8, 1.0),
      mmck(Q::Blocking, 3, 6, 3.0, 1.0),
      mmck(Q::Blocking, 5, 8, 6.0, 1.0),
      mmck(Q::MeanWait, 2, 5, 1.5, 1.0),
      mmck(Q::MeanWait, 4, 10, 5.0, 1.0),
  };
}

std::vector<Quantity> quantities_of(ModelKind model) {
  switch (model) {
    case ModelKind::Mmc: return {Quantity::MeanWait, Quantity::ProbabilityOfWaiting};
    case ModelKind::Loss: return {Quantity::Blocking};
    case ModelKind::Engset: return {Quantity::CallCongestion, Quantity::TimeCongestion};
    case ModelKind::ErlangA: return {Quantity::ProbabilityOfWaiting, Quantity::Abandonment, Quantity::MeanWait};
    case ModelKind::Mmck: return {Quantity::Blocking, Quantity::MeanWait};
  }
  return {};
}

std::vector<PointProblem> check_point(const Point& p) {
  std::vector<PointProblem> problems;
  if (!positive(p.arrival_rate))
    problems.push_back({Field::ArrivalRate, fmt::format("must be a number > 0 (got {:g})", p.arrival_rate)});
  if (!positive(p.service_rate))
    problems.push_back({Field::ServiceRate, fmt::format("must be a number > 0 (got {:g})", p.service_rate)});
  if (p.servers < 1) problems.push_back({Field::Servers, fmt::format("must be an integer >= 1 (got {})", p.servers)});
  const auto allowed = quantities_of(p.model);
  if (std::find(allowed.begin(), allowed.end(), p.quantity) == allowed.end())
    problems.push_back({Field::Quantity, fmt::format("{} is not an output of {}", quantity_name(p.quantity),
                                                     model_name(p.model))});
  switch (p.model) {
    case ModelKind::Mmc:
      if (problems.empty() && !(p.arrival_rate < p.servers * p.service_rate))
        problems.push_back({Field::ArrivalRate,
                            fmt::format("M/M/c needs arrival rate < servers × service rate = {:g} for a stable queue "
                                        "(got {:g})",
                                        p.servers * p.service_rate, p.arrival_rate)});
      break;
    case ModelKind::Loss:
      if (!(p.service_cv >= 0.0) || !std::isfinite(p.service_cv))
        problems.push_back({Field::ServiceCv, fmt::format("must be a number >= 0 (got {:g})", p.service_cv)});
      break;
    case ModelKind::Engset:
      if (p.sources < 1)
        problems.push_back({Field::Sources, fmt::format("the Engset model needs sources >= 1 (got {})", p.sources)});
      break;
    case ModelKind::ErlangA:
      // Impatience keeps any load stable: no condition on the arrival rate.
      if (!positive(p.patience_rate))
        problems.push_back({Field::PatienceRate,
                            fmt::format("Erlang A needs a patience rate θ > 0 (got {:g})", p.patience_rate)});
      break;
    case ModelKind::Mmck:
      if (p.capacity < std::max(p.servers, 1) || p.capacity > kMaxCapacity)
        problems.push_back({Field::Capacity, fmt::format("M/M/c/K needs an integer capacity K from servers ({}) to {} "
                                                         "(got {})",
                                                         p.servers, kMaxCapacity, p.capacity)});
      break;
  }
  return problems;
}

RunLength default_run_length(const Point& p) {
  const double lambda = p.arrival_rate;
  const double mu = p.service_rate;
  double arrival_rate = lambda;  // of the whole system
  double relaxation = 1.0 / mu;  // a loss system forgets its start within a few holding times
  switch (p.model) {
    case ModelKind::Mmc:
      // Relaxation time of M/M/c, 1 / (mu (sqrt c - sqrt a)^2): exact for c = 1, good in heavy traffic.
      relaxation = 1.0 / (mu * std::pow(std::sqrt(static_cast<double>(p.servers)) - std::sqrt(lambda / mu), 2));
      break;
    case ModelKind::Loss:
      // Heavy lognormal tails keep a few long holding times around; allow for them.
      relaxation *= std::max(1.0, p.service_cv * p.service_cv);
      break;
    case ModelKind::Engset:
      // Requests come only from idle sources; at least N - c of them are idle at any time.
      arrival_rate = lambda * std::max(1, p.sources - p.servers);
      relaxation = std::max(1.0 / mu, 1.0 / lambda);
      break;
    case ModelKind::ErlangA:
      // Impatience drains a queue at least at rate θ per waiting customer; service at c μ when all are busy.
      relaxation = std::max(1.0 / mu, 1.0 / p.patience_rate);
      break;
    case ModelKind::Mmck:
      // Finite room: the chain forgets its start within a few passes over its K + 1 states.
      relaxation = (p.capacity + 1) / std::min(lambda, mu * p.servers);
      break;
  }
  const double warmup = std::max(kWarmupArrivals / arrival_rate, kWarmupRelaxations * relaxation);
  return RunLength{warmup, warmup + std::max(kCountedArrivals / arrival_rate, kCountedRelaxations * relaxation)};
}

double closed_form_value(const Point& p) {
  if (p.model == ModelKind::ErlangA || p.model == ModelKind::Mmck) {
    const ImpatientQueue q = p.model == ModelKind::ErlangA
                                 ? erlang_a(p.arrival_rate, p.service_rate, p.servers, p.patience_rate)
                                 : mmck_product_form(p.arrival_rate, p.service_rate, p.servers, p.capacity);
    switch (p.quantity) {
      case Quantity::Blocking: return q.p_blocked;
      case Quantity::Abandonment: return q.p_abandon;
      case Quantity::ProbabilityOfWaiting: return q.p_wait;
      default: return q.mean_wait;
    }
  }
  switch (p.quantity) {
    case Quantity::MeanWait: return mmc_mean_wait(p.arrival_rate, p.service_rate, p.servers);
    case Quantity::ProbabilityOfWaiting: return erlang_c(p.arrival_rate / p.service_rate, p.servers);
    case Quantity::Blocking: return erlang_b(p.arrival_rate / p.service_rate, p.servers);
    case Quantity::CallCongestion:
      return engset_blocking(p.sources, p.servers, p.arrival_rate / p.service_rate).call_congestion;
    case Quantity::TimeCongestion:
      return engset_blocking(p.sources, p.servers, p.arrival_rate / p.service_rate).time_congestion;
    case Quantity::Abandonment: break;  // Erlang A only, above
  }
  return 0.0;
}

double bonferroni_level(double family_level, std::size_t points) {
  if (!(family_level > 0.0 && family_level < 1.0)) throw std::invalid_argument("family level must lie in (0, 1)");
  return 1.0 - (1.0 - family_level) / static_cast<double>(std::max<std::size_t>(points, 1));
}

VerificationRow verify_point(const Point& point, int replications, std::uint64_t seed, unsigned threads,
                             double level) {
  if (const auto problems = check_point(point); !problems.empty())
    throw std::invalid_argument(fmt::format("{} {}: {}", model_name(point.model), describe(point),
                                            problems.front().message));
  if (replications < 2) throw std::invalid_argument("a confidence interval needs at least 2 replications");
  if (!(level > 0.0 && level < 1.0)) throw std::invalid_argument("confidence level must lie in (0, 1)");

  const RunLength run = point.run.horizon > 0.0 ? point.run : default_run_length(point);
  const auto samples = sim::run_replications(0, static_cast<std::size_t>(replications), threads,
                                             [&](std::size_t r) { return simulate_once(point, run, seed, r); });
  std::vector<double> values;
  values.reserve(samples.size());
  VerificationRow row;
  for (const auto& s : samples) {
    values.push_back(s.value);
    row.events += s.events;
  }
  const auto ci = sim::student_t_interval(values, level);
  row.model = model_name(point.model);
  row.quantity = quantity_name(point.quantity);
  row.parameters = describe(point);
  row.simulated_mean = ci.mean;
  row.ci_low = ci.low();
  row.ci_high = ci.high();
  row.level = level;
  row.closed_form = closed_form_value(point);
  // Every replication gave the same value (say, no arrival was ever blocked): the interval has zero width, and
  // the point passes only if the closed form is negligibly far from it.
  row.pass = ci.stddev > 0.0 ? ci.contains(row.closed_form)
                             : std::abs(row.closed_form - ci.mean) <= kDegenerateTolerance;
  row.replications = replications;
  return row;
}

std::vector<VerificationRow> verify_points(const std::vector<Point>& points, int replications, std::uint64_t seed,
                                           unsigned threads, double family_level) {
  const double level = bonferroni_level(family_level, points.size());
  std::vector<VerificationRow> rows;
  rows.reserve(points.size());
  for (const auto& p : points) rows.push_back(verify_point(p, replications, seed, threads, level));
  return rows;
}

}  // namespace kyoten::queueing
