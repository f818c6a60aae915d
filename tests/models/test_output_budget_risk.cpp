// Budget risk: overspend probability, 90% range, pro-rating, unit-error flag and net cost, each checked on
// replications whose costs are chosen so the answer is known by hand.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>

#include "output/budget_risk.hpp"
#include "presentation/budget_risk_table.hpp"

namespace kyoten::output {
namespace {

using namespace std::chrono;
constexpr double kZ = 1.959963984540054;  // standard normal 0.975 quantile

hub::Horizon fiscal_year_2024() { return {sys_days{2024y / April / 1}, sys_days{2025y / April / 1}, 0}; }

// Replication r charges `cost(r)` yen to the center line in fiscal year `fy`.
template <class Cost>
std::vector<hub::ReplicationResult> replications(std::size_t n, int fy, Cost cost) {
  std::vector<hub::ReplicationResult> results(n);
  for (std::size_t r = 0; r < n; ++r) {
    results[r].replication = r;
    results[r].costs = {{fy, "center", cost(r)}};
  }
  return results;
}

const BudgetRisk& find(const BudgetView& v, int fy, const std::string& line) {
  for (const BudgetRisk& b : v.risks)
    if (b.fiscal_year == fy && b.line == line) return b;
  throw std::runtime_error("no risk row for " + line);
}

TEST(BudgetRisk, OverspendShareAndNinetyPercentRangeOfKnownCosts) {
  // Costs 1,000 .. 100,000 yen, budget 90,500: exactly replications 91..100 overspend, P = 10/100.
  const auto results = replications(100, 2024, [](std::size_t r) { return 1000.0 * double(r + 1); });
  hub::Budget budget;
  budget.lines = {{2024, "center", 90'500}};
  const BudgetView v = budget_view(results, budget, fiscal_year_2024());
  const BudgetRisk& b = find(v, 2024, "center");
  EXPECT_EQ(b.over_count, 10u);
  EXPECT_DOUBLE_EQ(b.p_over, 0.10);
  EXPECT_NEAR(b.p_over_low, 0.055229, 1e-6);  // Wilson, 10 of 100
  EXPECT_NEAR(b.p_over_high, 0.174366, 1e-6);
  // Type-7 quantiles of 1..100 (thousands): 1 + 99 × 0.05 = 5.95 and 1 + 99 × 0.95 = 95.05.
  EXPECT_NEAR(b.cost_p5, 5'950, 1e-9);
  EXPECT_NEAR(b.cost_p95, 95'050, 1e-9);
  EXPECT_DOUBLE_EQ(b.cost_mean, 50'500);
  EXPECT_FALSE(b.pro_rated());
  EXPECT_DOUBLE_EQ(b.compared_yen, 90'500);
  // The year's total is the only line here, so it carries the same figures.
  EXPECT_EQ(find(v, 2024, kTotalLine).over_count, 10u);
}

TEST(BudgetRisk, PairsSharingADrawCountAsOneUnitInTheInterval) {
  // Every replication overspends; 100 replications in pairs are 50 units: Wilson low = 50 / (50 + z²).
  const auto results = replications(100, 2024, [](std::size_t) { return 2.0; });
  hub::Budget budget;
  budget.lines = {{2024, "center", 1.0}};
  const BudgetRisk b = find(budget_view(results, budget, fiscal_year_2024(), 2), 2024, "center");
  EXPECT_DOUBLE_EQ(b.p_over, 1.0);
  EXPECT_NEAR(b.p_over_low, 50 / (50 + kZ * kZ), 1e-12);
}

TEST(BudgetRisk, PartOfAFiscalYearIsComparedWithTheBudgetProRatedByDays) {
  // 2023-10-01 .. 2024-04-01 is 183 of FY2023's 366 days (it holds 29 February 2024): a 366,000 yen budget is
  // compared as 183,000. A cost of 200,000 is 55% of the full-year budget yet overspends the six months.
  const hub::Horizon half{sys_days{2023y / October / 1}, sys_days{2024y / April / 1}, 0};
  EXPECT_EQ(days_in_fiscal_year(2023), 366);
  EXPECT_EQ(days_in_fiscal_year(2024), 365);
  EXPECT_EQ(days_of_horizon_in_fiscal_year(half, 2023), 183);
  EXPECT_EQ(days_of_horizon_in_fiscal_year(half, 2024), 0);
  const auto results = replications(10, 2023, [](std::size_t) { return 200'000.0; });
  hub::Budget budget;
  budget.lines = {{2023, "center", 366'000}, {2024, "center", 1'000'000}};  // FY2024 not simulated: left out
  const BudgetView v = budget_view(results, budget, half);
  const BudgetRisk& b = find(v, 2023, "center");
  EXPECT_TRUE(b.pro_rated());
  EXPECT_DOUBLE_EQ(b.compared_yen, 183'000);
  EXPECT_DOUBLE_EQ(b.p_over, 1.0);
  for (const BudgetRisk& r : v.risks) EXPECT_NE(r.fiscal_year, 2024);
}

TEST(BudgetRisk, ABudgetAThousandTimesOffIsFlaggedAsAProbableUnitError) {
  const auto results = replications(4, 2024, [](std::size_t) { return 59'877'000.0; });
  auto flagged = [&](double budget_yen) {
    hub::Budget budget;
    budget.lines = {{2024, "center", budget_yen}};
    return find(budget_view(results, budget, fiscal_year_2024()), 2024, "center").probable_unit_error;
  };
  EXPECT_TRUE(flagged(59'877));              // typed in thousands
  EXPECT_TRUE(flagged(59'877'000'000.0));    // typed in yen where thousands were meant, the other way
  EXPECT_FALSE(flagged(61'859'000));         // a real budget, 3% over the cost
  EXPECT_FALSE(flagged(59'877'000.0 / 100));  // 100× off: a bad budget, not the 1,000× of a unit slip
  hub::Budget typo;
  typo.lines = {{2024, "center", 59'877}};
  EXPECT_NE(presentation::unit_error_warnings(budget_view(results, typo, fiscal_year_2024())).find("'center' FY2024"),
            std::string::npos);
}

TEST(BudgetRisk, NetCostSubtractsAShareOfALineAndAFixedAmountProRated) {
  // Half a year (183 of 366 days). Revenue: half the center line's cost, and 1,200,000 yen a year (600,000 here).
  const hub::Horizon half{sys_days{2023y / October / 1}, sys_days{2024y / April / 1}, 0};
  const auto results = replications(3, 2023, [](std::size_t r) { return 1'000'000.0 * double(r + 1); });
  hub::Budget budget;
  budget.revenue = {{"share of the center", 0, "center", 0.5, 0}, {"fixed grant", 2023, "", 0, 1'200'000}};
  const BudgetView v = budget_view(results, budget, half);
  ASSERT_EQ(v.net.size(), 1u);
  EXPECT_EQ(v.net[0].fiscal_year, 2023);
  // costs 1, 2, 3 million: revenue 0.5c + 0.6 million, net 0.5c − 0.6 million = −0.1, 0.4, 0.9 million.
  EXPECT_NEAR(v.net[0].revenue_mean, 1'000'000 + 600'000, 1e-6);
  EXPECT_NEAR(v.net[0].net_mean, 400'000, 1e-6);
  EXPECT_NEAR(v.net[0].net_p5, -100'000 + 0.1 * 500'000, 1e-6);  // type 7: (n−1)·0.05 = 0.1 of the first gap
  EXPECT_TRUE(v.risks.empty());  // no budget lines, no risk rows
}

}  // namespace
}  // namespace kyoten::output
