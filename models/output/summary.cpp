#include "models/output/summary.hpp"

#include <cmath>
#include <limits>
#include <map>
#include <utility>

#include "sim/stats/confidence.hpp"
#include "sim/stats/tally.hpp"

namespace kyoten::output {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::vector<double> finite_only(std::span<const double> values) {
  std::vector<double> finite;
  finite.reserve(values.size());
  for (double v : values)
    if (std::isfinite(v)) finite.push_back(v);
  return finite;
}

}  // namespace

Statistic summarise_values(std::span<const double> values, double confidence_level) {
  const std::vector<double> finite = finite_only(values);
  Statistic s;
  s.n = finite.size();
  if (finite.empty()) {
    s.mean = s.ci_low = s.ci_high = s.sd = s.p2_5 = s.p50 = s.p97_5 = kNaN;
    return s;
  }
  const sim::ConfidenceInterval ci = sim::student_t_interval(finite, confidence_level);
  s.mean = ci.mean;
  s.ci_low = ci.low();  // NaN below two values: half_width is NaN
  s.ci_high = ci.high();
  s.sd = ci.stddev;
  sim::Tally quantiles(/*keep_values=*/true);
  for (double v : finite) quantiles.add(v);
  s.p2_5 = quantiles.quantile(0.025);
  s.p50 = quantiles.quantile(0.5);
  s.p97_5 = quantiles.quantile(0.975);
  return s;
}

RunSummary summarise(std::span<const hub::ReplicationResult> results, const hub::Budget& budget,
                     double confidence_level) {
  RunSummary summary;
  summary.confidence_level = confidence_level;
  summary.replications = results.size();

  std::vector<double> column(results.size());
  for (std::size_t k = 0; k < hub::kKpiCount; ++k) {
    for (std::size_t r = 0; r < results.size(); ++r) column[r] = results[r].kpi[k];
    summary.kpis.push_back({k, summarise_values(column, confidence_level)});
  }

  for (std::size_t h = 0; h < summary.staff_utilisation.size(); ++h) {
    for (std::size_t r = 0; r < results.size(); ++r) column[r] = results[r].staff_utilisation[h];
    const std::vector<double> on_duty = finite_only(column);
    sim::Tally tally;
    for (double v : on_duty) tally.add(v);
    summary.staff_utilisation[h] = tally.mean();  // NaN when nobody was ever on duty in this hour
  }

  // Yen per replication for every (fiscal year, line) seen in any replication or in the budget.
  using Key = std::pair<int, std::string>;
  std::map<Key, std::vector<double>> yen;
  for (std::size_t r = 0; r < results.size(); ++r)
    for (const hub::CostRecord& c : results[r].costs) {
      auto& per_replication = yen[{c.fiscal_year, c.line}];
      per_replication.resize(results.size(), 0.0);
      per_replication[r] += c.yen;
    }
  std::map<Key, double> budgeted;
  for (const hub::Budget::Line& b : budget.lines) budgeted[{b.fiscal_year, b.line}] += b.yen;
  for (const auto& [key, amount] : budgeted) yen[key].resize(results.size(), 0.0);

  for (const auto& [key, per_replication] : yen) {
    CostSummary c{key.first, key.second, summarise_values(per_replication, confidence_level), std::nullopt};
    if (auto it = budgeted.find(key); it != budgeted.end()) c.budget_yen = it->second;
    summary.costs.push_back(std::move(c));
  }
  return summary;
}

}  // namespace kyoten::output
