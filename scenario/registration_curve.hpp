#pragma once
// A logistic S-curve of the registered count toward a latent pool, turned into monthly knots of
// Registration::expected_registered (the model interpolates linearly between knots):
//   N(t) = K / (1 + ((K − N0) / N0) · exp(−r t)),  t in years of sim::kDaysPerYear days since `from`,
// K the latent pool (e.g. seed 000: ~2,000 holders of a short-stay approval), N0 the count at `from`,
// r the growth rate per year. Instead of r a planner may give one point the curve must pass through
// (e.g. ~500 registrants on 2025-03-31, seed 000 別紙2); r is then solved for.
#include <chrono>
#include <optional>
#include <utility>
#include <vector>

namespace kyoten::scenario {

using Date = std::chrono::sys_days;

struct SCurve {
  Date from;                   // where the curve starts (N = initial)
  Date until;                  // last knot
  double initial = 0;          // N0, > 0 and < latent_pool
  double latent_pool = 0;      // K
  double rate_per_year = 0;    // r > 0
};

[[nodiscard]] double s_curve_value(const SCurve& curve, Date date);

// Knots at `from`, the first day of every following month, and `until`.
[[nodiscard]] std::vector<std::pair<Date, double>> s_curve_knots(const SCurve& curve);

// The rate r that makes the curve pass through `count` at `date`; nullopt if no positive rate does
// (count must lie strictly between initial and latent_pool, date after from).
[[nodiscard]] std::optional<double> s_curve_rate_through(double initial, double latent_pool, Date from, Date date,
                                                         double count);

}  // namespace kyoten::scenario
