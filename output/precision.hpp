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
#include <optional>
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

// What the textbook formula asks of one series: the smallest n with t_{n-1} s / sqrt(n) <= tol, i.e.
// n ≈ (t s / tol)², where tol = max(P |mean|, absolute) — the count at which the rule's half-width reaches the
// tolerance if the mean and standard deviation stay what they are now.
struct SeriesProjection {
  std::string key;
  double mean = 0;
  double sd = 0;
  double tolerance = 0;    // max(P |mean|, absolute), in the series' unit
  bool projected = false;  // false when fewer than two values are defined: no standard deviation yet
  std::size_t needed = 0;  // replications, counting those where the series is undefined; look-ahead not included
};

struct Projection {
  std::vector<SeriesProjection> series{};  // the checked series, largest need first
  std::size_t from = 0;     // replications the projection is computed from
  std::size_t needed = 0;   // the largest need (whole draw groups); 0 when nothing is checked
  std::string limiting{};   // the series that needs the most
  bool complete = true;     // false when some series could not be projected yet
  std::size_t with_look_ahead = 0;  // needed + f(needed): where the rule stops if it meets the target at `needed`
};

struct PrecisionDecision {
  bool satisfied = false;     // N_sol found and its look-ahead fully run and confirmed
  std::size_t solution = 0;   // N_sol (0 when not satisfied)
  std::size_t keep = 0;       // replications to keep: N_sol + f(N_sol) when satisfied, else all given
  double reached = 0;         // worst relative half-width over the checked series after `keep` replications
  std::size_t next_total = 0;  // when not satisfied: a total worth running next (projected, at most doubling)
  std::vector<std::string> skipped;
  std::string limiting;  // the series with the worst precision over all the replications given (what held it back)
  Projection projection;  // the formula over the replications kept (satisfied) or all given (not satisfied)
};

// f(n) of the look-ahead.
std::size_t look_ahead(std::size_t n, std::size_t k_limit);

// Relative half-width of the finite values among the first `n` of `values`; +inf below two finite values or
// when their mean is 0.
double relative_half_width(std::span<const double> values, std::size_t n, double confidence_level);

PrecisionDecision decide_precision(std::span<const PrecisionSeries> series, const PrecisionRule& rule);

// The smallest n >= 2 with t_{n-1, level} sd / sqrt(n) <= tolerance (Student t, so the fixed point of
// n = (t_{n-1} sd / tolerance)²); at most kFormulaCeiling (also when tolerance is 0).
std::size_t formula_replications(double sd, double tolerance, double confidence_level);
inline constexpr std::size_t kFormulaCeiling = 1'000'000'000;

// The formula for every checked series over the values given (all of them), skipping as decide_precision does.
Projection project_replications(std::span<const PrecisionSeries> series, const PrecisionRule& rule);

// A --max-replications worth suggesting when the projection is more than the cap: the projected count with its
// look-ahead plus 10% (the projection is an estimate), rounded up to two significant digits and whole groups.
std::size_t suggested_max_replications(const Projection& projection, const PrecisionRule& rule);

// The smallest target, rounded up to two significant digits, whose projection (look-ahead included) fits in `cap`
// replications; nullopt when none up to 1 does (a series held by its absolute tolerance).
std::optional<double> precision_within(std::span<const PrecisionSeries> series, const PrecisionRule& rule,
                                       std::size_t cap);

// What to tell a user whose run does not (or will not) meet the target within the cap.
struct CapAdvice {
  bool exceeds = false;              // the projection (look-ahead included) is more than the cap
  std::size_t max_replications = 0;  // suggested_max_replications; 0 when above `largest_cap` or not projectable
  std::optional<double> precision;   // when exceeds: a target reachable within the cap; nullopt when none up to 1 is
};
CapAdvice advise_cap(std::span<const PrecisionSeries> series, const PrecisionRule& rule, const Projection& projection,
                     std::size_t cap, std::size_t largest_cap);

}  // namespace kyoten::output
