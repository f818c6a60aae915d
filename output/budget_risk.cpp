#include "output/budget_risk.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <set>

#include "sim/stats/proportion.hpp"
#include "sim/stats/tally.hpp"

namespace kyoten::output {
namespace {

using std::chrono::April;
using std::chrono::sys_days;
using std::chrono::year;

constexpr double kRoundingShare = 1e-9;

sys_days fiscal_year_start(int fy) { return sys_days{year{fy} / April / 1}; }

struct Spread {
  double mean, p5, p95;
};

Spread spread_of(std::span<const double> values) {
  sim::Tally t(/*keep_values=*/true);
  for (double v : values) t.add(v);
  return {t.mean(), t.quantile(0.05), t.quantile(0.95)};
}

// Revenue of one replication in fiscal year `fy`: shares of line costs, fixed amounts pro-rated by days.
double revenue_in_year(const hub::Budget& budget, int fy, double year_fraction,
                       const std::map<std::pair<int, std::string>, std::vector<double>>& yen, std::size_t r) {
  double revenue = 0;
  for (const hub::Budget::Revenue& rv : budget.revenue) {
    if (rv.fiscal_year != 0 && rv.fiscal_year != fy) continue;
    if (rv.line.empty()) {
      revenue += rv.yen_per_year * year_fraction;
    } else if (auto it = yen.find({fy, rv.line}); it != yen.end()) {
      revenue += rv.share * it->second[r];
    }
  }
  return revenue;
}

BudgetRisk risk_of(int fy, const std::string& line, double budget_yen, std::span<const double> cost,
                   const hub::Horizon& horizon, std::size_t draw_group, double level) {
  BudgetRisk b;
  b.fiscal_year = fy;
  b.line = line;
  b.budget_yen = budget_yen;
  b.days_simulated = days_of_horizon_in_fiscal_year(horizon, fy);
  b.days_in_year = days_in_fiscal_year(fy);
  b.compared_yen = budget_yen * b.days_simulated / b.days_in_year;
  const Spread s = spread_of(cost);
  b.cost_mean = s.mean;
  b.cost_p5 = s.p5;
  b.cost_p95 = s.p95;
  b.replications = cost.size();
  // Over means beyond rounding: a fixed line accrued day by day can sum to its budget plus a few ulps.
  const double limit = b.compared_yen * (1 + kRoundingShare);
  b.over_count =
      static_cast<std::size_t>(std::count_if(cost.begin(), cost.end(), [limit](double c) { return c > limit; }));
  b.p_over = b.replications ? static_cast<double>(b.over_count) / static_cast<double>(b.replications) : NAN;
  // Replications sharing a parameter draw are one independent unit: the interval counts units, not replications.
  const double units = static_cast<double>(b.replications / std::max<std::size_t>(draw_group, 1));
  const sim::ProportionInterval p = sim::wilson_interval(b.p_over, units, level);
  b.p_over_low = p.low;
  b.p_over_high = p.high;
  b.probable_unit_error = b.cost_mean > 0 && b.compared_yen > 0 &&
                          (b.compared_yen >= kUnitErrorFactor * b.cost_mean ||
                           b.compared_yen * kUnitErrorFactor <= b.cost_mean);
  return b;
}

}  // namespace

int days_in_fiscal_year(int fy) { return (fiscal_year_start(fy + 1) - fiscal_year_start(fy)).count(); }

int days_of_horizon_in_fiscal_year(const hub::Horizon& horizon, int fy) {
  const sys_days from = std::max(horizon.start, fiscal_year_start(fy));
  const sys_days to = std::min(horizon.end, fiscal_year_start(fy + 1));
  return std::max(0, static_cast<int>((to - from).count()));
}

std::map<std::pair<int, std::string>, std::vector<double>> yen_per_replication(
    std::span<const hub::ReplicationResult> results) {
  std::map<std::pair<int, std::string>, std::vector<double>> yen;
  for (std::size_t r = 0; r < results.size(); ++r)
    for (const hub::CostRecord& c : results[r].costs) {
      auto& per_replication = yen[{c.fiscal_year, c.line}];
      per_replication.resize(results.size(), 0.0);
      per_replication[r] += c.yen;
    }
  return yen;
}

BudgetView budget_view(std::span<const hub::ReplicationResult> results, const hub::Budget& budget,
                       const hub::Horizon& horizon, std::size_t draw_group, double confidence_level) {
  const auto yen = yen_per_replication(results);
  std::set<int> years;
  for (const auto& [key, per_replication] : yen) years.insert(key.first);
  for (const hub::Budget::Line& l : budget.lines) years.insert(l.fiscal_year);

  BudgetView view;
  const std::vector<double> zero(results.size(), 0.0);
  for (int fy : years) {
    if (days_of_horizon_in_fiscal_year(horizon, fy) == 0) continue;
    std::vector<double> total(results.size(), 0.0);
    for (const auto& [key, per_replication] : yen)
      if (key.first == fy)
        for (std::size_t r = 0; r < results.size(); ++r) total[r] += per_replication[r];

    double budget_total = 0;
    bool any_budget = false;
    for (const hub::Budget::Line& l : budget.lines) {
      if (l.fiscal_year != fy) continue;
      const auto it = yen.find({fy, l.line});
      view.risks.push_back(risk_of(fy, l.line, l.yen, it != yen.end() ? std::span<const double>(it->second) : zero,
                                   horizon, draw_group, confidence_level));
      budget_total += l.yen;
      any_budget = true;
    }
    if (any_budget) view.risks.push_back(risk_of(fy, kTotalLine, budget_total, total, horizon, draw_group, confidence_level));

    if (budget.revenue.empty()) continue;
    const double year_fraction =
        static_cast<double>(days_of_horizon_in_fiscal_year(horizon, fy)) / days_in_fiscal_year(fy);
    std::vector<double> revenue(results.size()), net(results.size());
    for (std::size_t r = 0; r < results.size(); ++r) {
      revenue[r] = revenue_in_year(budget, fy, year_fraction, yen, r);
      net[r] = total[r] - revenue[r];
    }
    const Spread n = spread_of(net);
    view.net.push_back({fy, spread_of(revenue).mean, n.mean, n.p5, n.p95});
  }
  return view;
}

}  // namespace kyoten::output
