#pragma once
// `kyoten compare`: each scenario summarised, and every scenario after the first compared with the first, KPI by
// KPI and fiscal year by fiscal year, by paired differences on common random numbers.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "models/hub/results.hpp"
#include "models/hub/scenario.hpp"
#include "output/monthly_bands.hpp"
#include "output/summary.hpp"
#include "planning/meaningful_differences.hpp"
#include "planning/paired.hpp"
#include "sim/stats/confidence.hpp"

namespace kyoten::planning {

// Cost of one fiscal year in all lines, against the year's budget (sum of its lines) when the scenario states one.
struct FiscalYearCost {
  int fiscal_year = 0;
  output::Statistic total;
  std::optional<double> budget_yen;
};

struct ComparedScenario {
  std::string label;  // meta.name, made unique ("name#2") when a scenario appears twice
  std::string file;
  const hub::Scenario* scenario = nullptr;
  output::RunSummary summary;  // KPIs, and costs by fiscal year and line with their budget
  std::vector<FiscalYearCost> fiscal_years;
  std::vector<output::SeriesBand> monthly_bands;  // the fans of its monthly series, for the report's overlays
};

struct KpiDifference {
  std::size_t kpi = 0;  // into hub::kKpis
  Difference difference;
};

struct FiscalYearDifference {
  int fiscal_year = 0;
  Difference difference;
};

// Scenario `other` against scenario 0.
struct Versus {
  std::size_t other = 0;
  std::vector<KpiDifference> kpis;  // every KPI, in hub::kKpis order
  std::vector<FiscalYearDifference> fiscal_years;  // only years both horizons cover for the same number of days
  // Fiscal years one horizon reaches and the other does not, or for fewer days: not compared (a missing year is
  // not 0 yen, half a year is not a year).
  std::vector<int> years_not_shared;
};

struct Comparison {
  double confidence_level = sim::kDefaultConfidenceLevel;
  std::size_t replications = 0;
  std::uint64_t seed = 0;
  std::size_t draw_group = 1;  // replications per parameter draw: 2 when any scenario has uncertain parameters
  std::vector<ComparedScenario> scenarios;
  std::vector<Versus> versus;  // for scenarios 1, 2, …
  MeaningfulDifferences mmd;    // a difference inside ±MMD is "no practical difference"
};

struct ComparisonInput {
  std::string file;
  const hub::Scenario* scenario = nullptr;
  std::vector<hub::ReplicationResult> results;  // replication r at index r, same seed for every scenario
};

Comparison compare_scenarios(const std::vector<ComparisonInput>& inputs, std::uint64_t seed, double confidence_level,
                              const MeaningfulDifferences& mmd = default_meaningful_differences());

// Cost per fiscal year (all lines) with the year's budget, from a run's summary and results.
std::vector<FiscalYearCost> fiscal_year_costs(std::span<const hub::ReplicationResult> results,
                                              const hub::Budget& budget, double confidence_level,
                                              std::size_t draw_group = 1);

}  // namespace kyoten::planning
