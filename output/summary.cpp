#include "output/summary.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <utility>

#include "output/budget_risk.hpp"
#include "output/surge_report.hpp"
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

// The outputs whose variance is split: headline KPIs and bed use.
bool split_variance_of(std::size_t k) {
  const std::string_view key = hub::kKpis[k].key;
  return hub::kKpis[k].headline || key == "bed_occupancy" || key == "emergency_bed_days";
}

// Every KPI is a count, a duration, an amount of money or a share: its mean cannot lie outside [0, ∞) or, for a
// share, [0, 1]. The t interval can reach past those bounds with few replications or a mean near a bound;
// cutting it at the bound keeps its coverage (the true mean is never out there) and shows no impossible value.
// A mean outside the bounds is a fault in the model, shown as it is: cutting would invert the interval
// ([121%, 100%]) and hide the fault, so such an interval is reported unclipped.
void keep_within_range(Statistic& s, std::string_view unit) {
  if (std::isfinite(s.ci_low) && s.mean >= 0.0) s.ci_low = std::max(s.ci_low, 0.0);
  if (std::isfinite(s.ci_high) && unit == "share" && s.mean <= 1.0) s.ci_high = std::min(s.ci_high, 1.0);
}

}  // namespace

Statistic summarise_values(std::span<const double> values, double confidence_level, std::size_t draw_group) {
  const std::vector<double> finite = finite_only(values);
  Statistic s;
  s.n = finite.size();
  if (finite.empty()) {
    s.mean = s.ci_low = s.ci_high = s.sd = s.p2_5 = s.p50 = s.p97_5 = kNaN;
    return s;
  }
  // Mean, sd and quantiles over single replications; the interval over the independent units.
  sim::Tally quantiles(/*keep_values=*/true);
  for (double v : finite) quantiles.add(v);
  const sim::ConfidenceInterval ci = sim::grouped_interval(values, draw_group, confidence_level);
  s.mean = quantiles.mean();
  s.ci_low = ci.low();  // NaN below two units: half_width is NaN
  s.ci_high = ci.high();
  s.sd = quantiles.stddev();
  s.p2_5 = quantiles.quantile(0.025);
  s.p50 = quantiles.quantile(0.5);
  s.p97_5 = quantiles.quantile(0.975);
  return s;
}

RunSummary summarise(std::span<const hub::ReplicationResult> results, const hub::Budget& budget,
                     double confidence_level, std::size_t draw_group) {
  RunSummary summary;
  summary.confidence_level = confidence_level;
  summary.replications = results.size();
  summary.draw_group = draw_group;
  const bool split = draw_group > 1;

  std::vector<double> column(results.size());
  for (std::size_t k = 0; k < hub::kKpiCount; ++k) {
    for (std::size_t r = 0; r < results.size(); ++r) column[r] = results[r].kpi[k];
    Statistic stat = summarise_values(column, confidence_level, draw_group);
    keep_within_range(stat, hub::kKpis[k].unit);
    summary.kpis.push_back({k, stat});
    if (split && split_variance_of(k))
      summary.variance_split.push_back(
          {hub::kKpis[k].key, hub::kKpis[k].label_ja, hub::kKpis[k].label_en, sim::pair_variance_split(column)});
  }

  // Every replication covers the same window, so the same fiscal years in the same order.
  if (!results.empty()) {
    for (std::size_t y = 0; y < results[0].years.size(); ++y) {
      YearSummary year{results[0].years[y].fiscal_year, {}};
      for (std::size_t i = 0; i < hub::kYearKpiCount; ++i) {
        for (std::size_t r = 0; r < results.size(); ++r) column[r] = results[r].years[y].kpi[i];
        Statistic stat = summarise_values(column, confidence_level, draw_group);
        keep_within_range(stat, hub::kKpis[hub::kYearKpis[i]].unit);
        year.kpis.push_back(stat);
      }
      summary.years.push_back(std::move(year));
    }
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
  std::map<Key, std::vector<double>> yen = yen_per_replication(results);
  std::map<Key, double> budgeted;
  for (const hub::Budget::Line& b : budget.lines) budgeted[{b.fiscal_year, b.line}] += b.yen;
  for (const auto& [key, amount] : budgeted) yen[key].resize(results.size(), 0.0);

  std::map<int, std::vector<double>> per_year;  // total cost per fiscal year, per replication
  for (const auto& [key, per_replication] : yen) {
    auto& total = per_year[key.first];
    total.resize(results.size(), 0.0);
    for (std::size_t r = 0; r < results.size(); ++r) total[r] += per_replication[r];
    CostSummary c{key.first, key.second, summarise_values(per_replication, confidence_level, draw_group),
                  std::nullopt};
    keep_within_range(c.stat, "yen");
    if (auto it = budgeted.find(key); it != budgeted.end()) c.budget_yen = it->second;
    summary.costs.push_back(std::move(c));
  }
  for (const auto& [year, total] : per_year) {
    CostSummary c{year, "", summarise_values(total, confidence_level, draw_group), std::nullopt};
    keep_within_range(c.stat, "yen");
    summary.cost_totals.push_back(std::move(c));
  }
  if (split)
    for (const auto& [year, total] : per_year)
      summary.variance_split.push_back({"cost_fy" + std::to_string(year), std::to_string(year) + "年度 費用計",
                                        "Cost, FY" + std::to_string(year), sim::pair_variance_split(total)});
  summary.surges = summarise_surges(results, confidence_level, draw_group);
  return summary;
}

}  // namespace kyoten::output
