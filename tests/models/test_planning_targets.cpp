// Service targets: the text form, bad input with a did-you-mean, and the three-way decision by one-sided bounds.
#include <gtest/gtest.h>

#include <chrono>
#include <vector>

#include "models/hub/results.hpp"
#include "planning/targets.hpp"
#include "scenario/input_error.hpp"

namespace kyoten::planning {
namespace {

TEST(PlanningTargets, ParsesBothRelations) {
  const Target a = parse_target("p_no_bed<=0.05");
  EXPECT_EQ(a.kpi, hub::kpi_index("p_no_bed"));
  EXPECT_EQ(a.relation, Relation::AtMost);
  EXPECT_DOUBLE_EQ(a.bound, 0.05);
  const Target b = parse_target(" arrange_within_4h >= 0.95 ");
  EXPECT_EQ(b.kpi, hub::kpi_index("arrange_within_4h"));
  EXPECT_EQ(b.relation, Relation::AtLeast);
  EXPECT_EQ(b.text, "arrange_within_4h>=0.95");
}

TEST(PlanningTargets, UnknownKpiSuggestsTheClosest) {
  try {
    parse_target("p_no_beds<=0.05");
    FAIL() << "accepted";
  } catch (const InputErrors& e) {
    EXPECT_NE(e.errors()[0].hint.find("did you mean 'p_no_bed'"), std::string::npos) << e.what();
  }
}

TEST(PlanningTargets, MalformedTargetsAreBadInput) {
  for (const char* bad : {"p_no_bed<0.05", "p_no_bed", "p_no_bed<=", "p_no_bed<=five", "p_no_bed<=5", "calls=>3"})
    EXPECT_THROW(parse_target(bad), InputErrors) << bad;
}

TEST(PlanningTargets, DecidesByOneSidedBounds) {
  const Target at_most = parse_target("p_no_bed<=0.05");
  const std::vector<double> low{0.01, 0.02, 0.01, 0.02, 0.015}, high{0.20, 0.21, 0.19, 0.2, 0.22},
      near{0.04, 0.06, 0.05, 0.045, 0.055};
  EXPECT_EQ(check_target(low, at_most, 0.001).status, Status::Feasible);
  EXPECT_EQ(check_target(high, at_most, 0.001).status, Status::Infeasible);
  EXPECT_EQ(check_target(near, at_most, 0.001).status, Status::Undecided);
  const Target at_least = parse_target("arrange_within_4h>=0.5");
  EXPECT_EQ(check_target(high, at_least, 0.001).status, Status::Infeasible);
  EXPECT_EQ(check_target(std::vector<double>{0.9, 0.95, 0.92}, at_least, 0.001).status, Status::Feasible);
}

TEST(PlanningTargets, FewerThanTwoValuesIsUndecided) {
  const Target t = parse_target("p_no_bed<=0.05");
  EXPECT_EQ(check_target(std::vector<double>{0.0}, t, 0.01).status, Status::Undecided);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(check_target(std::vector<double>{nan, nan, 0.0}, t, 0.01).status, Status::Undecided);
}

TEST(PlanningTargets, ZeroSpreadDecidesByTheMean) {
  const Target t = parse_target("p_no_bed<=0.05");
  EXPECT_EQ(check_target(std::vector<double>{0, 0, 0}, t, 0.001).status, Status::Feasible);
  EXPECT_EQ(check_target(std::vector<double>{0.06, 0.06}, t, 0.001).status, Status::Infeasible);
}


// Replication r spends costs[r] yen in FY2024 (split over two lines) and 1 yen in FY2025.
std::vector<hub::ReplicationResult> fiscal_year_costs(const std::vector<double>& costs) {
  std::vector<hub::ReplicationResult> results(costs.size());
  for (std::size_t r = 0; r < costs.size(); ++r)
    results[r].costs = {{2024, "center", costs[r] / 2}, {2024, "hub", costs[r] / 2}, {2025, "center", 1}};
  return results;
}

hub::Horizon fiscal_years_2024_2025() {
  using namespace std::chrono;
  return {sys_days{2024y / April / 1}, sys_days{2026y / April / 1}, 0};
}

TEST(PlanningTargets, FiscalYearCostAndOverspendTargetsReadTheYearsTotal) {
  const Target cost = parse_target("cost_fy2024_yen<=61859000");
  EXPECT_EQ(cost.measure, Measure::YearCost);
  EXPECT_EQ(cost.fiscal_year, 2024);
  EXPECT_EQ(cost.unit(), "yen");
  const Target over = parse_target("p_over_budget_fy2024<=0.1");
  EXPECT_EQ(over.measure, Measure::YearOverBudget);
  EXPECT_EQ(over.unit(), "share");
  EXPECT_THROW(parse_target("p_over_budget_fy2024<=10"), InputErrors);  // a share, not a percentage

  hub::Budget budget;
  budget.lines = {{2024, "center", 60}, {2024, "hub", 40}};  // the year's budget: 100 yen over both lines
  const auto results = fiscal_year_costs({90, 100, 110, 250});
  EXPECT_EQ(target_values(results, cost, budget, fiscal_years_2024_2025()), (std::vector<double>{90, 100, 110, 250}));
  // Over budget means strictly above it: 100 is within.
  EXPECT_EQ(target_values(results, over, budget, fiscal_years_2024_2025()), (std::vector<double>{0, 0, 1, 1}));
}

TEST(PlanningTargets, NoOverspendInTenYearsIsNotYetProofOfNinetyPercent) {
  // 0 of 10 years over budget: the t bound would be 0 (sd 0); Wilson's upper bound at 90% two-sided is
  // z²/n / (1 + z²/n) = 0.2706 / 1.2706 = 0.2129 > 0.1, so the target stays undecided; with 0 of 40 it is
  // 0.0634 < 0.1: met.
  const Target over = parse_target("p_over_budget_fy2024<=0.1");
  const TargetCheck ten = check_target(std::vector<double>(10, 0.0), over, 0.05);
  EXPECT_EQ(ten.status, Status::Undecided);
  EXPECT_NEAR(ten.high, 0.212942, 1e-6);
  EXPECT_EQ(check_target(std::vector<double>(40, 0.0), over, 0.05).status, Status::Feasible);
}

TEST(PlanningTargets, FiscalYearTargetsOutsideTheHorizonOrWithoutBudgetAreRefused) {
  hub::Budget budget;
  budget.lines = {{2024, "center", 60}};
  const std::vector<Target> outside{parse_target("cost_fy2030_yen<=1")};
  EXPECT_THROW(check_year_targets(outside, budget, fiscal_years_2024_2025()), InputErrors);
  const std::vector<Target> unbudgeted{parse_target("p_over_budget_fy2025<=0.1")};
  EXPECT_THROW(check_year_targets(unbudgeted, budget, fiscal_years_2024_2025()), InputErrors);
  const std::vector<Target> fine{parse_target("p_over_budget_fy2024<=0.1"), parse_target("cost_fy2025_yen<=5")};
  EXPECT_NO_THROW(check_year_targets(fine, budget, fiscal_years_2024_2025()));
}

}  // namespace
}  // namespace kyoten::planning
