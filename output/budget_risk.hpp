#pragma once
// Budget risk: for each budget line and fiscal year, how often a simulated year overspends and where its cost
// falls (the 90% range over replications), not only the mean and the interval of the mean. Also the
// municipality's net cost after revenue (特定財源), and budgets that look typed in the wrong unit.
#include <cstddef>
#include <map>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "models/hub/results.hpp"
#include "models/hub/scenario.hpp"
#include "sim/stats/confidence.hpp"

namespace kyoten::output {

// The line name of a fiscal year's total: all cost lines against the sum of the year's stated budget lines.
inline constexpr const char* kTotalLine = "total";

// A budget at least this many times the mean simulated cost, or at most its inverse, is flagged as a probable
// unit error: a factor within √10 of 1,000 (a budget typed in thousands of yen, or in yen where thousands were
// meant) and far beyond any plausible planning error.
inline constexpr double kUnitErrorFactor = 300;

struct BudgetRisk {
  int fiscal_year = 0;
  std::string line;            // a cost line, or kTotalLine
  double budget_yen = 0;       // as stated, for the whole fiscal year
  double compared_yen = 0;     // the budget the cost is compared with: pro-rated by days_simulated / days_in_year
  int days_simulated = 0;      // days of the horizon inside this fiscal year
  int days_in_year = 0;        // 365 or 366
  double cost_mean = 0;
  double cost_p5 = 0;          // 90% range of one simulated year's cost
  double cost_p95 = 0;
  std::size_t over_count = 0;  // replications whose cost exceeds compared_yen
  std::size_t replications = 0;
  double p_over = 0;           // over_count / replications
  double p_over_low = 0;       // Wilson score interval, counting independent units (pairs when parameters are drawn)
  double p_over_high = 0;
  bool probable_unit_error = false;
  [[nodiscard]] bool pro_rated() const { return days_simulated < days_in_year; }
};

// Revenue and net cost of one fiscal year (cost of all lines minus revenue), over replications.
struct NetCost {
  int fiscal_year = 0;
  double revenue_mean = 0;
  double net_mean = 0;
  double net_p5 = 0;
  double net_p95 = 0;
};

struct BudgetView {
  std::vector<BudgetRisk> risks;  // by fiscal year; each year's lines with a budget, then its total
  std::vector<NetCost> net;       // every simulated fiscal year, when the scenario states revenue; else empty
};

// Cost per replication of every (fiscal year, cost line) that some replication charged (0 where another did not).
std::map<std::pair<int, std::string>, std::vector<double>> yen_per_replication(
    std::span<const hub::ReplicationResult> results);

// Days of [start, end) inside fiscal year `fy` (April `fy` to March `fy`+1), and the fiscal year's length.
int days_of_horizon_in_fiscal_year(const hub::Horizon& horizon, int fy);
int days_in_fiscal_year(int fy);

// Budget lines are pro-rated to the simulated part of a fiscal year (a six-month horizon is compared with half
// the year's budget), never compared whole with part of a year. A fiscal year the horizon does not reach is left
// out. `draw_group` replications share a parameter draw and count as one unit in the Wilson interval.
BudgetView budget_view(std::span<const hub::ReplicationResult> results, const hub::Budget& budget,
                       const hub::Horizon& horizon, std::size_t draw_group = 1,
                       double confidence_level = sim::kDefaultConfidenceLevel);

}  // namespace kyoten::output
