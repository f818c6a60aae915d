#pragma once
// Aggregation over replications: what summary.json, the terminal table and kpi_summary report.
// Each figure is summarised over the replications where it is finite (a mean wait is NaN in a replication
// with no emergencies), and `n` says how many that was, so a reader can tell a thin estimate from a firm one.
#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "models/hub/results.hpp"
#include "models/hub/scenario.hpp"
#include "output/budget_risk.hpp"
#include "sim/stats/variance_split.hpp"
#include "sim/stats/confidence.hpp"

namespace kyoten::output {

// Mean with its Student-t confidence interval, and the central quantiles over replications: p2_5..p97_5 is
// where one replication (one year's outcome) falls, ci_low..ci_high is where the mean lies.
// Every field is NaN when no replication had a finite value; the interval and sd are NaN below n = 2.
struct Statistic {
  double mean = 0;
  double ci_low = 0;
  double ci_high = 0;
  double sd = 0;
  std::size_t n = 0;
  double p2_5 = 0;
  double p50 = 0;
  double p97_5 = 0;
};

// Statistic of the finite values among `values`. Replications in consecutive groups of `draw_group` share a
// parameter draw (hub::replications_per_draw): the confidence interval is then over the group means, the
// independent units; the quantiles stay over single replications (where one year's outcome falls).
Statistic summarise_values(std::span<const double> values, double confidence_level, std::size_t draw_group = 1);

// The variance of one output over replications split into its stochastic and parameter parts
// (sim::pair_variance_split); only when parameters are drawn (pairs share a draw).
struct VarianceSplitSummary {
  std::string key;     // a KPI key, or "cost_fy<year>" for one fiscal year's total cost
  std::string label_ja;
  std::string label_en;
  sim::VarianceSplit split;
};

struct KpiSummary {
  std::size_t index = 0;  // into hub::kKpis
  Statistic stat;
};

struct CostSummary {
  int fiscal_year = 0;
  std::string line;
  Statistic stat;
  std::optional<double> budget_yen;  // the scenario's budget for this line and year, when it states one
};

// One fiscal year's KPIs (hub::kYearKpis, same order) over replications.
struct YearSummary {
  int fiscal_year = 0;
  std::vector<Statistic> kpis;
};

// One surge window's figures (surge_report.hpp: kSurgeFigures, same order).
struct SurgeSummary {
  std::vector<Statistic> figures;
};

struct RunSummary {
  double confidence_level = sim::kDefaultConfidenceLevel;
  std::size_t replications = 0;
  std::vector<KpiSummary> kpis;    // in the order of hub::kKpis
  std::vector<CostSummary> costs;  // by fiscal year, then line
  // Each fiscal year's total over every line (line empty, no budget): its interval is not the sum of the
  // lines' intervals, so the report reads it here instead of recomputing it.
  std::vector<CostSummary> cost_totals;
  std::vector<YearSummary> years;  // per fiscal year the statistics window touches, in order
  // Mean utilisation by hour of week (0 = Monday 00:00) over replications where someone was on duty; NaN
  // where nobody ever was.
  std::array<double, sim::kHoursPerWeek> staff_utilisation{};
  // Replications per parameter draw: 1 (every replication independent, no parameter uncertainty) or 2.
  std::size_t draw_group = 1;
  // Headline KPIs, bed use and cost per fiscal year; empty when draw_group is 1 (then the parameter part is 0
  // by construction, not estimated).
  std::vector<VarianceSplitSummary> variance_split;
  // Overspend probability, 90% range and net cost per budget line and fiscal year (budget_view); filled by the
  // caller that knows the horizon, empty otherwise.
  BudgetView budget;
  std::vector<SurgeSummary> surges;  // per scenario surge, in file order
};

// Costs: a (fiscal year, line) that some replications report and others do not counts as 0 yen where missing
// (nothing was spent); a budget line with no simulated cost appears with cost 0 so over- and under-spending
// are both visible.
RunSummary summarise(std::span<const hub::ReplicationResult> results, const hub::Budget& budget,
                     double confidence_level = sim::kDefaultConfidenceLevel, std::size_t draw_group = 1);

}  // namespace kyoten::output
