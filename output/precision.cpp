#include "output/precision.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "sim/stats/confidence.hpp"

namespace kyoten::output {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Running sums over finite values, giving the relative half-width after each prefix in O(1).
class Prefix {
 public:
  void add(double v) {
    if (!std::isfinite(v)) return;
    ++k_;
    const double d = v - mean_;  // Welford
    mean_ += d / static_cast<double>(k_);
    m2_ += d * (v - mean_);
  }
  // Half-width over max(|mean|, floor); floor = absolute / P turns the absolute tolerance into the same scale.
  [[nodiscard]] double relative(double level, double floor = 0) const {
    const double scale = std::max(std::abs(mean_), floor);
    if (k_ < 2 || scale == 0.0) return kInf;
    const double s = std::sqrt(m2_ / static_cast<double>(k_ - 1));
    return sim::student_t_critical(level, static_cast<double>(k_ - 1)) * s / std::sqrt(static_cast<double>(k_)) /
           scale;
  }
  [[nodiscard]] std::size_t count() const { return k_; }
  [[nodiscard]] double mean() const { return mean_; }
  [[nodiscard]] double sd() const { return k_ < 2 ? kInf : std::sqrt(m2_ / static_cast<double>(k_ - 1)); }

 private:
  std::size_t k_ = 0;
  double mean_ = 0;
  double m2_ = 0;
};

}  // namespace

std::size_t look_ahead(std::size_t n, std::size_t k_limit) { return n <= 100 ? k_limit : n * k_limit / 100; }

double relative_half_width(std::span<const double> values, std::size_t n, double confidence_level) {
  Prefix p;
  for (std::size_t i = 0; i < std::min(n, values.size()); ++i) p.add(values[i]);
  return p.relative(confidence_level);
}

PrecisionDecision decide_precision(std::span<const PrecisionSeries> series, const PrecisionRule& rule) {
  if (rule.draw_group > 1) {  // the same rule over the independent units, then counted back in replications
    std::vector<PrecisionSeries> units;
    for (const PrecisionSeries& s : series) units.push_back({s.key, sim::group_means(s.values, rule.draw_group)});
    PrecisionRule per_unit = rule;
    per_unit.draw_group = 1;
    PrecisionDecision d = decide_precision(units, per_unit);
    d.solution *= rule.draw_group;
    d.keep *= rule.draw_group;
    d.next_total *= rule.draw_group;
    return d;
  }
  PrecisionDecision d;
  std::size_t n = 0;
  std::vector<const PrecisionSeries*> checked;
  for (const PrecisionSeries& s : series) {
    n = std::max(n, s.values.size());
    Prefix all;
    for (double v : s.values) all.add(v);
    // 0 in every replication (hub KPIs without a hub) is as uninformative as undefined: skipped and listed.
    const bool all_zero =
        std::all_of(s.values.begin(), s.values.end(), [](double v) { return !std::isfinite(v) || v == 0.0; });
    if (all.count() == 0 || !std::isfinite(all.mean()) || all_zero || (all.mean() == 0.0 && s.absolute <= 0))
      d.skipped.push_back(s.key);
    else
      checked.push_back(&s);
  }

  // worst[m-1]: the largest relative half-width over the checked series after m replications.
  std::vector<double> worst(n, 0.0);
  double worst_final = -1;
  const auto floor_of = [&rule](const PrecisionSeries& s) { return s.absolute > 0 ? s.absolute / rule.target : 0.0; };
  for (const PrecisionSeries* s : checked) {
    Prefix p;
    for (std::size_t m = 1; m <= n; ++m) {
      if (m <= s->values.size()) p.add(s->values[m - 1]);
      worst[m - 1] = std::max(worst[m - 1], p.relative(rule.confidence_level, floor_of(*s)));
    }
    if (const double final = p.relative(rule.confidence_level, floor_of(*s)); final > worst_final) {
      worst_final = final;
      d.limiting = s->key;
    }
  }

  const std::size_t first = std::max<std::size_t>(rule.min_replications, 2);
  std::size_t candidate = 0;  // the N_sol under test, 0 when none
  for (std::size_t m = first; m <= n; ++m) {
    if (worst[m - 1] > rule.target) {
      candidate = 0;  // the look-ahead failed (or nothing yet): search on
      continue;
    }
    if (candidate == 0) candidate = m;
    if (m >= candidate + look_ahead(candidate, rule.k_limit)) {
      d.satisfied = true;
      d.solution = candidate;
      d.keep = m;
      d.reached = worst[m - 1];
      return d;
    }
  }
  d.keep = n;
  d.reached = checked.empty() ? 0.0 : (n ? worst[n - 1] : kInf);
  if (checked.empty()) {  // nothing to measure: done, as far as precision can say
    d.satisfied = true;
    d.solution = n;
    return d;
  }
  // Project the replications each series needs, n ≈ (t s / (P |mean|))², and add its look-ahead.
  std::size_t projected = candidate ? candidate + look_ahead(candidate, rule.k_limit) : n + 1;
  for (const PrecisionSeries* s : checked) {
    Prefix p;
    for (double v : s->values) p.add(v);
    const double t = sim::student_t_critical(rule.confidence_level, std::max<double>(1.0, double(p.count()) - 1.0));
    const double need =
        std::pow(t * p.sd() / (rule.target * std::max(std::abs(p.mean()), floor_of(*s))), 2.0);
    if (std::isfinite(need) && need > 0) {
      // a series with NaN in some replications needs proportionally more of them
      const double per_replication = n ? double(p.count()) / double(n) : 1.0;
      const auto m = static_cast<std::size_t>(std::ceil(need / std::max(per_replication, 1e-9)));
      projected = std::max(projected, m + look_ahead(m, rule.k_limit));
    } else {
      projected = std::max(projected, 2 * n);
    }
  }
  d.next_total = std::clamp<std::size_t>(projected, n + 1, std::max<std::size_t>(2 * n, n + 1));
  return d;
}

}  // namespace kyoten::output
