#include "planning/comparison.hpp"

#include "models/hub/parameter_draws.hpp"
#include "output/budget_risk.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace kyoten::planning {

std::vector<FiscalYearCost> fiscal_year_costs(std::span<const hub::ReplicationResult> results,
                                              const hub::Budget& budget, double confidence_level,
                                              std::size_t draw_group) {
  std::map<int, double> budgeted;
  for (const hub::Budget::Line& line : budget.lines) budgeted[line.fiscal_year] += line.yen;
  std::map<int, std::vector<double>> by_year = cost_by_fiscal_year(results);
  for (const auto& [year, yen] : budgeted) by_year[year].resize(results.size(), 0.0);  // budgeted, nothing spent
  std::vector<FiscalYearCost> out;
  for (const auto& [year, yen] : by_year) {
    FiscalYearCost c{year, output::summarise_values(yen, confidence_level, draw_group), std::nullopt};
    if (auto it = budgeted.find(year); it != budgeted.end()) c.budget_yen = it->second;
    out.push_back(std::move(c));
  }
  return out;
}

Comparison compare_scenarios(const std::vector<ComparisonInput>& inputs, std::uint64_t seed, double confidence_level,
                              const MeaningfulDifferences& mmd) {
  Comparison c;
  c.mmd = mmd;
  c.confidence_level = confidence_level;
  c.seed = seed;
  c.replications = inputs.empty() ? 0 : inputs.front().results.size();
  // Any scenario with uncertain parameters pairs its replications: every interval then counts pairs.
  for (const ComparisonInput& in : inputs)
    c.draw_group = std::max(c.draw_group, hub::replications_per_draw(*in.scenario));
  std::map<std::string, int> uses;
  for (const ComparisonInput& in : inputs) {
    const std::string& name = in.scenario->meta.name;
    const int n = ++uses[name];
    c.scenarios.push_back({n == 1 ? name : name + "#" + std::to_string(n), in.file, in.scenario,
                           output::summarise(in.results, in.scenario->budget, confidence_level, c.draw_group),
                           fiscal_year_costs(in.results, in.scenario->budget, confidence_level, c.draw_group),
                           output::monthly_bands(in.results)});
    // The overspend probability of each option, not only its mean cost against the budget.
    c.scenarios.back().summary.budget = output::budget_view(in.results, in.scenario->budget, in.scenario->horizon,
                                                            c.draw_group, confidence_level);
  }
  if (inputs.empty()) return c;

  const auto& base = inputs.front().results;
  const auto base_years = cost_by_fiscal_year(base);
  for (std::size_t s = 1; s < inputs.size(); ++s) {
    const auto& other = inputs[s].results;
    Versus v;
    v.other = s;
    for (std::size_t k = 0; k < hub::kKpiCount; ++k) {
      Difference d = paired_difference(kpi_column(base, k), kpi_column(other, k), confidence_level, c.draw_group);
      apply_meaningful_difference(d, mmd.kpi[k]);
      v.kpis.push_back({k, d});
    }
    // Fiscal years either scenario spends in; compared only where both horizons cover the same number of days
    // of the year (a year one horizon misses is not 0 yen there, six months are not a year), and the other
    // years are listed instead. Within a shared
    // year a scenario that spent nothing counts 0 yen.
    const auto other_years = cost_by_fiscal_year(other);
    std::set<int> years;
    for (const auto& [y, _] : base_years) years.insert(y);
    for (const auto& [y, _] : other_years) years.insert(y);
    for (int y : years) {
      const int base_days = output::days_of_horizon_in_fiscal_year(inputs.front().scenario->horizon, y);
      if (base_days == 0 || base_days != output::days_of_horizon_in_fiscal_year(inputs[s].scenario->horizon, y)) {
        v.years_not_shared.push_back(y);
        continue;
      }
      const auto pick = [y](const auto& by_year, std::size_t n) {
        const auto it = by_year.find(y);
        return it == by_year.end() ? std::vector<double>(n, 0.0) : it->second;
      };
      Difference d = paired_difference(pick(base_years, base.size()), pick(other_years, other.size()),
                                       confidence_level, c.draw_group);
      apply_meaningful_difference(d, mmd.fiscal_year_cost);
      v.fiscal_years.push_back({y, d});
    }
    c.versus.push_back(std::move(v));
  }
  return c;
}

}  // namespace kyoten::planning
