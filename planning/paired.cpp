#include "planning/paired.hpp"

#include <algorithm>
#include <cmath>

namespace kyoten::planning {

Difference paired_difference(std::span<const double> base, std::span<const double> other, double level,
                             std::size_t draw_group) {
  const std::size_t n = std::min(base.size(), other.size());
  std::vector<double> a, b;
  // Identical: equal, or undefined in both, in every replication (a KPI that is NaN in both is as unchanged
  // as one that is equal).
  bool same = n > 0;
  for (std::size_t r = 0; r < n; ++r) {
    const bool finite_a = std::isfinite(base[r]), finite_b = std::isfinite(other[r]);
    same = same && (finite_a == finite_b) && (!finite_a || base[r] == other[r]);
    if (finite_a && finite_b) {
      a.push_back(base[r]);
      b.push_back(other[r]);
    }
  }
  Difference d;
  d.ci = sim::paired_difference_interval(other.first(n), base.first(n), level, draw_group);
  d.mean_base = sim::student_t_interval(a, level).mean;
  d.mean_other = sim::student_t_interval(b, level).mean;
  if (same)
    d.verdict = Verdict::Same;
  else if (d.ci.n < 2 || !std::isfinite(d.ci.half_width))
    d.verdict = Verdict::Undefined;
  else if (d.ci.contains(0.0))
    d.verdict = Verdict::NotClear;
  else
    d.verdict = d.ci.mean > 0 ? Verdict::Higher : Verdict::Lower;
  return d;
}

double meaningful_threshold(const Difference& d, const output::MeaningfulDifference& mmd) {
  return std::max(mmd.absolute, mmd.relative * std::max(std::abs(d.mean_base), std::abs(d.mean_other)));
}

void apply_meaningful_difference(Difference& d, const output::MeaningfulDifference& mmd) {
  if (d.verdict != Verdict::Higher && d.verdict != Verdict::Lower && d.verdict != Verdict::NotClear) return;
  const double t = meaningful_threshold(d, mmd);
  if (t > 0 && std::isfinite(d.ci.half_width) && d.ci.low() >= -t && d.ci.high() <= t)
    d.verdict = Verdict::NoPracticalDifference;
}

std::vector<double> kpi_column(std::span<const hub::ReplicationResult> results, std::size_t index) {
  std::vector<double> column;
  column.reserve(results.size());
  for (const hub::ReplicationResult& r : results) column.push_back(r.kpi[index]);
  return column;
}

std::map<int, std::vector<double>> cost_by_fiscal_year(std::span<const hub::ReplicationResult> results) {
  std::map<int, std::vector<double>> by_year;
  for (std::size_t r = 0; r < results.size(); ++r)
    for (const hub::CostRecord& c : results[r].costs) {
      auto& column = by_year[c.fiscal_year];
      column.resize(results.size(), 0.0);
      column[r] += c.yen;
    }
  return by_year;
}

}  // namespace kyoten::planning
