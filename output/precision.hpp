#pragma once
// Replication control by relative precision (`kyoten run --precision P`), after the replication algorithm of
// Hoad, Robinson & Davies (2010), "Automated selection of the number of replications for a discrete-event
// simulation", J. Operational Research Society 61(11):1632–1644:
//   after n replications, the relative precision of a series is d_n = t_{n-1, 1-(1-level)/2} s_n / sqrt(n) / |mean_n|;
//   N_sol is the first n with d_n <= P, and it is accepted only if d stays <= P for every n up to
//   N_sol + f(N_sol) — the look-ahead — where f(n) = k_limit for n <= 100 and floor(n * k_limit / 100) above.
// Here every headline KPI is a series and all must meet P at the same n. A series that is 0 or undefined in
// every replication, or has no absolute tolerance and a mean of 0, is skipped (and listed): precision means
// nothing for it. The rule is evaluated on every prefix of the values in replication order, so the answer is
// what the one-at-a-time algorithm would give, whatever batch sizes the caller ran them in.
#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "sim/stats/confidence.hpp"

namespace kyoten::output {

struct PrecisionRule {
  double target = 0.05;  // P: half-width <= P x |mean|
  double confidence_level = sim::kDefaultConfidenceLevel;
  std::size_t k_limit = 5;          // look-ahead parameter (Hoad et al. recommend 5)
  std::size_t min_replications = 3;  // no decision below this many (their initial n)
  // Replications per parameter draw (hub::replications_per_draw). Above 1, consecutive groups are not
  // independent: the rule is applied to the group means, so n, N_sol and the look-ahead count groups, and
  // every count returned is a whole number of groups.
  std::size_t draw_group = 1;
};

// A series meets the target when its half-width h satisfies h <= max(P |mean|, absolute): relative precision,
// except near zero, where a half-width within `absolute` (e.g. the KPI's minimum meaningful difference) is
// enough — a backlog averaging 0.3 persons cannot reach ±5% of itself and need not. Its precision is reported
// as h / max(|mean|, absolute / P), which equals the relative half-width wherever the relative rule applies.
struct PrecisionSeries {
  std::string key;
  std::vector<double> values;  // one per replication, in replication order; NaN where undefined
  double absolute = 0;         // in the series' unit; 0: relative precision only
};

struct PrecisionDecision {
  bool satisfied = false;     // N_sol found and its look-ahead fully run and confirmed
  std::size_t solution = 0;   // N_sol (0 when not satisfied)
  std::size_t keep = 0;       // replications to keep: N_sol + f(N_sol) when satisfied, else all given
  double reached = 0;         // worst relative half-width over the checked series after `keep` replications
  std::size_t next_total = 0;  // when not satisfied: a total worth running next (projected, at most doubling)
  std::vector<std::string> skipped;
  std::string limiting;  // the series with the worst precision over all the replications given (what held it back)
};

// f(n) of the look-ahead.
std::size_t look_ahead(std::size_t n, std::size_t k_limit);

// Relative half-width of the finite values among the first `n` of `values`; +inf below two finite values or
// when their mean is 0.
double relative_half_width(std::span<const double> values, std::size_t n, double confidence_level);

PrecisionDecision decide_precision(std::span<const PrecisionSeries> series, const PrecisionRule& rule);

}  // namespace kyoten::output
