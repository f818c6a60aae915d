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

// A series precision means nothing for: undefined or 0 in every replication (hub KPIs without a hub), or with a
// mean of 0 and no absolute tolerance.
bool skipped_series(const PrecisionSeries& s) {
  Prefix all;
  for (double v : s.values) all.add(v);
  const bool all_zero =
      std::all_of(s.values.begin(), s.values.end(), [](double v) { return !std::isfinite(v) || v == 0.0; });
  return all.count() == 0 || !std::isfinite(all.mean()) || all_zero || (all.mean() == 0.0 && s.absolute <= 0);
}

double floor_of(const PrecisionSeries& s, const PrecisionRule& rule) {
  return s.absolute > 0 ? s.absolute / rule.target : 0.0;
}

std::vector<PrecisionSeries> group_series(std::span<const PrecisionSeries> series, std::size_t group) {
  std::vector<PrecisionSeries> units;
  for (const PrecisionSeries& s : series) units.push_back({s.key, sim::group_means(s.values, group), s.absolute});
  return units;
}

void scale_projection(Projection& p, std::size_t group) {
  p.from *= group;
  p.needed *= group;
  p.with_look_ahead *= group;
  for (SeriesProjection& s : p.series) s.needed *= group;
}

// The first `n` values of each series.
std::vector<PrecisionSeries> prefixes(std::span<const PrecisionSeries> series, std::size_t n) {
  std::vector<PrecisionSeries> out;
  for (const PrecisionSeries& s : series)
    out.push_back({s.key, {s.values.begin(), s.values.begin() + static_cast<long>(std::min(n, s.values.size()))},
                   s.absolute});
  return out;
}

// Up to two significant digits: 0.08256 -> 0.083, 1224.3 -> 1300. Divided by a power of ten (not multiplied by
// 0.001) so that 0.083 prints as 0.083.
double round_up_two_digits(double x) {
  if (!(x > 0)) return x;
  const int exponent = static_cast<int>(std::floor(std::log10(x))) - 1;
  if (exponent >= 0) {
    const double unit = std::pow(10.0, exponent);
    return std::ceil(x / unit - 1e-9) * unit;
  }
  const double scale = std::pow(10.0, -exponent);
  return std::ceil(x * scale - 1e-9) / scale;
}

}  // namespace

std::size_t formula_replications(double sd, double tolerance, double confidence_level) {
  const auto enough = [&](std::size_t n) {
    return sim::student_t_critical(confidence_level, static_cast<double>(n - 1)) * sd /
               std::sqrt(static_cast<double>(n)) <=
           tolerance;
  };
  if (!(sd > 0)) return 2;
  if (!(tolerance > 0) || !std::isfinite(sd)) return kFormulaCeiling;
  // t_{n-1} / sqrt(n) falls with n: find a bracket by doubling, then bisect to the smallest n that is enough.
  std::size_t lo = 1, hi = 2;
  while (!enough(hi)) {
    if (hi >= kFormulaCeiling) return kFormulaCeiling;
    lo = hi;
    hi = std::min(2 * hi, kFormulaCeiling);
  }
  while (hi - lo > 1) {
    const std::size_t mid = lo + (hi - lo) / 2;
    (enough(mid) ? hi : lo) = mid;
  }
  return hi;
}

Projection project_replications(std::span<const PrecisionSeries> series, const PrecisionRule& rule) {
  if (rule.draw_group > 1) {  // the formula counts independent units, then whole groups of replications
    PrecisionRule per_unit = rule;
    per_unit.draw_group = 1;
    Projection p = project_replications(group_series(series, rule.draw_group), per_unit);
    scale_projection(p, rule.draw_group);
    return p;
  }
  Projection p;
  for (const PrecisionSeries& s : series) p.from = std::max(p.from, s.values.size());
  for (const PrecisionSeries& s : series) {
    if (skipped_series(s)) continue;
    Prefix all;
    for (double v : s.values) all.add(v);
    SeriesProjection sp{.key = s.key, .mean = all.mean()};
    sp.tolerance = std::max(rule.target * std::abs(all.mean()), s.absolute);
    sp.projected = all.count() >= 2;
    if (sp.projected) {
      sp.sd = all.sd();
      // A series undefined in some replications needs proportionally more of them.
      const double defined_share = static_cast<double>(all.count()) / static_cast<double>(p.from);
      const double n = static_cast<double>(formula_replications(sp.sd, sp.tolerance, rule.confidence_level));
      sp.needed = static_cast<std::size_t>(std::min(std::ceil(n / defined_share), double(kFormulaCeiling)));
    } else {
      p.complete = false;
    }
    p.series.push_back(sp);
  }
  std::stable_sort(p.series.begin(), p.series.end(),
                   [](const SeriesProjection& a, const SeriesProjection& b) { return a.needed > b.needed; });
  if (!p.series.empty() && p.series.front().projected) {
    p.needed = std::max(p.series.front().needed, std::max<std::size_t>(rule.min_replications, 2));
    p.limiting = p.series.front().key;
    p.with_look_ahead = p.needed + look_ahead(p.needed, rule.k_limit);
  }
  return p;
}

std::size_t suggested_max_replications(const Projection& projection, const PrecisionRule& rule) {
  const double group = static_cast<double>(std::max<std::size_t>(rule.draw_group, 1));
  const double wanted = round_up_two_digits(1.1 * static_cast<double>(projection.with_look_ahead));
  return static_cast<std::size_t>(std::ceil(wanted / group) * group);
}

std::optional<double> precision_within(std::span<const PrecisionSeries> series, const PrecisionRule& rule,
                                       std::size_t cap) {
  const auto fits = [&](double target) {
    PrecisionRule r = rule;
    r.target = target;
    const Projection p = project_replications(series, r);
    return p.complete && p.with_look_ahead <= cap;
  };
  if (fits(rule.target)) return rule.target;
  if (!fits(1.0)) return std::nullopt;
  double lo = rule.target, hi = 1.0;  // the need falls as the target grows: bisect to the edge
  for (int i = 0; i < 50; ++i) (fits((lo + hi) / 2) ? hi : lo) = (lo + hi) / 2;
  return std::min(1.0, round_up_two_digits(hi));
}

CapAdvice advise_cap(std::span<const PrecisionSeries> series, const PrecisionRule& rule, const Projection& projection,
                     std::size_t cap, std::size_t largest_cap) {
  CapAdvice a;
  a.exceeds = projection.complete && projection.with_look_ahead > cap;
  if (const std::size_t m = suggested_max_replications(projection, rule); projection.complete && m <= largest_cap)
    a.max_replications = m;
  if (a.exceeds) a.precision = precision_within(series, rule, cap);
  return a;
}

std::size_t look_ahead(std::size_t n, std::size_t k_limit) { return n <= 100 ? k_limit : n * k_limit / 100; }

double relative_half_width(std::span<const double> values, std::size_t n, double confidence_level) {
  Prefix p;
  for (std::size_t i = 0; i < std::min(n, values.size()); ++i) p.add(values[i]);
  return p.relative(confidence_level);
}

PrecisionDecision decide_precision(std::span<const PrecisionSeries> series, const PrecisionRule& rule) {
  if (rule.draw_group > 1) {  // the same rule over the independent units, then counted back in replications
    PrecisionRule per_unit = rule;
    per_unit.draw_group = 1;
    PrecisionDecision d = decide_precision(group_series(series, rule.draw_group), per_unit);
    d.solution *= rule.draw_group;
    d.keep *= rule.draw_group;
    d.next_total *= rule.draw_group;
    scale_projection(d.projection, rule.draw_group);
    return d;
  }
  PrecisionDecision d;
  std::size_t n = 0;
  std::vector<const PrecisionSeries*> checked;
  for (const PrecisionSeries& s : series) {
    n = std::max(n, s.values.size());
    if (skipped_series(s))
      d.skipped.push_back(s.key);
    else
      checked.push_back(&s);
  }

  // worst[m-1]: the largest relative half-width over the checked series after m replications.
  std::vector<double> worst(n, 0.0);
  double worst_final = -1;
  for (const PrecisionSeries* s : checked) {
    Prefix p;
    for (std::size_t m = 1; m <= n; ++m) {
      if (m <= s->values.size()) p.add(s->values[m - 1]);
      worst[m - 1] = std::max(worst[m - 1], p.relative(rule.confidence_level, floor_of(*s, rule)));
    }
    if (const double final = p.relative(rule.confidence_level, floor_of(*s, rule)); final > worst_final) {
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
      d.projection = project_replications(prefixes(series, m), rule);
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
  // The next total: with a candidate under test, the end of its look-ahead; otherwise where the formula says the
  // rule will stop. At least one look-ahead further (the rule cannot confirm sooner) and at most doubling (an
  // estimate from few replications can be far off).
  d.projection = project_replications(series, rule);
  const std::size_t projected = candidate                      ? candidate + look_ahead(candidate, rule.k_limit)
                                : d.projection.complete ? d.projection.with_look_ahead
                                                        : 2 * n;
  const std::size_t at_most = std::max<std::size_t>(2 * n, n + 1);
  d.next_total = std::clamp<std::size_t>(projected, std::min(n + look_ahead(n, rule.k_limit), at_most), at_most);
  return d;
}

}  // namespace kyoten::output
