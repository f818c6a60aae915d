// Aggregation over replications, checked against values worked out by hand on a tiny set of replications.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "output/summary.hpp"

namespace kyoten::output {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::size_t kCalls = hub::kpi_index("calls");
constexpr std::size_t kAnswerMean = hub::kpi_index("answer_mean_min");
constexpr std::size_t kCostTotal = hub::kpi_index("cost_total_yen");
// t quantile 0.975 with 3 and 1 degrees of freedom (tables: 3.182446305..., 12.70620474...).
constexpr double kT3 = 3.182446305284263;
constexpr double kT1 = 12.706204736174698;

std::vector<hub::ReplicationResult> four_replications() {
  std::vector<hub::ReplicationResult> results(4);
  const double calls[] = {10, 12, 14, 20};
  const double answer[] = {5, kNaN, 7, kNaN};  // no emergencies answered in replications 1 and 3
  for (std::size_t r = 0; r < results.size(); ++r) {
    results[r].replication = r;
    results[r].kpi[kCalls] = calls[r];
    results[r].kpi[kAnswerMean] = answer[r];
    results[r].kpi[kCostTotal] = kNaN;  // never finite
  }
  return results;
}

TEST(OutputSummary, MeanConfidenceIntervalAndQuantilesMatchHandComputation) {
  const auto results = four_replications();
  const RunSummary s = summarise(results, hub::Budget{});
  ASSERT_EQ(s.kpis.size(), hub::kKpiCount);
  EXPECT_EQ(s.replications, 4u);
  const Statistic& calls = s.kpis[kCalls].stat;
  EXPECT_EQ(s.kpis[kCalls].index, kCalls);
  EXPECT_EQ(calls.n, 4u);
  EXPECT_DOUBLE_EQ(calls.mean, 14.0);
  // deviations -4, -2, 0, 6: sum of squares 56, sample variance 56 / 3
  const double sd = std::sqrt(56.0 / 3.0);
  EXPECT_NEAR(calls.sd, sd, 1e-12);
  EXPECT_NEAR(calls.ci_low, 14.0 - kT3 * sd / 2.0, 1e-9);
  EXPECT_NEAR(calls.ci_high, 14.0 + kT3 * sd / 2.0, 1e-9);
  // type-7 quantiles of 10, 12, 14, 20: h = p * 3
  EXPECT_NEAR(calls.p2_5, 10.0 + 0.075 * 2.0, 1e-12);
  EXPECT_NEAR(calls.p50, 13.0, 1e-12);
  EXPECT_NEAR(calls.p97_5, 14.0 + 0.925 * 6.0, 1e-12);
}

// A share near 1 over few replications: the t interval 0.98 ± 0.0848 is cut at 1; a count's at 0.
TEST(OutputSummary, IntervalsStopAtTheBoundsAKpiCannotCross) {
  std::vector<hub::ReplicationResult> results(2);
  constexpr std::size_t kShare = hub::kpi_index("arrange_within_4h");
  results[0].kpi[kShare] = 1.0;
  results[1].kpi[kShare] = 0.96;
  results[0].kpi[kCalls] = 0;
  results[1].kpi[kCalls] = 2;
  const RunSummary s = summarise(results, hub::Budget{});
  const Statistic& share = s.kpis[kShare].stat;
  // sd = 0.02 * sqrt(2) = 0.028284; half-width t1 * sd / sqrt(2) = 12.706205 * 0.02 = 0.254124
  EXPECT_NEAR(share.ci_low, 0.98 - kT1 * 0.02, 1e-9);
  EXPECT_DOUBLE_EQ(share.ci_high, 1.0);
  EXPECT_DOUBLE_EQ(s.kpis[kCalls].stat.ci_low, 0.0);  // 1 - 12.7 would be a negative number of calls
  EXPECT_NEAR(s.kpis[kCalls].stat.ci_high, 1.0 + kT1 * 1.0, 1e-9);
}

// A share whose mean is above 1 (a fault upstream, e.g. unpaid overtime counted as utilisation) and a negative
// mean: cutting at the bound would give [1, 1] below a mean of 1.21, or an interval above its mean. Both are
// reported as the plain t interval, which contains its mean.
TEST(OutputSummary, IntervalsAreNotCutWhenTheMeanItselfIsOutOfBounds) {
  std::vector<hub::ReplicationResult> results(2);
  constexpr std::size_t kShare = hub::kpi_index("arrange_within_4h");
  results[0].kpi[kShare] = 1.20;
  results[1].kpi[kShare] = 1.22;
  results[0].kpi[kCalls] = -3;
  results[1].kpi[kCalls] = -1;
  const RunSummary s = summarise(results, hub::Budget{});
  const Statistic& share = s.kpis[kShare].stat;
  // sd = 0.01 * sqrt(2); half-width t1 * sd / sqrt(2) = t1 * 0.01
  EXPECT_NEAR(share.ci_low, 1.21 - kT1 * 0.01, 1e-9);
  EXPECT_NEAR(share.ci_high, 1.21 + kT1 * 0.01, 1e-9);
  EXPECT_LE(share.ci_low, share.mean);
  EXPECT_GE(share.ci_high, share.mean);
  const Statistic& calls = s.kpis[kCalls].stat;
  EXPECT_NEAR(calls.ci_low, -2.0 - kT1 * 1.0, 1e-9);
  EXPECT_NEAR(calls.ci_high, -2.0 + kT1 * 1.0, 1e-9);
}

TEST(OutputSummary, NaNReplicationsAreLeftOutAndCounted) {
  const RunSummary s = summarise(four_replications(), hub::Budget{});
  const Statistic& answer = s.kpis[kAnswerMean].stat;
  EXPECT_EQ(answer.n, 2u);
  EXPECT_DOUBLE_EQ(answer.mean, 6.0);
  EXPECT_NEAR(answer.sd, std::sqrt(2.0), 1e-12);
  EXPECT_NEAR(answer.ci_high - answer.mean, kT1 * std::sqrt(2.0) / std::sqrt(2.0), 1e-9);
  EXPECT_DOUBLE_EQ(answer.p50, 6.0);

  const Statistic& never = s.kpis[kCostTotal].stat;
  EXPECT_EQ(never.n, 0u);
  EXPECT_TRUE(std::isnan(never.mean));
  EXPECT_TRUE(std::isnan(never.ci_low));
  EXPECT_TRUE(std::isnan(never.p50));
}

TEST(OutputSummary, OneFiniteValueHasAMeanButNoInterval) {
  const double values[] = {kNaN, 3.5, std::numeric_limits<double>::infinity()};
  const Statistic s = summarise_values(values, 0.95);
  EXPECT_EQ(s.n, 1u);
  EXPECT_DOUBLE_EQ(s.mean, 3.5);
  EXPECT_TRUE(std::isnan(s.ci_low));
  EXPECT_TRUE(std::isnan(s.sd));
  EXPECT_DOUBLE_EQ(s.p2_5, 3.5);
  EXPECT_DOUBLE_EQ(s.p97_5, 3.5);
}

TEST(OutputSummary, StaffUtilisationIsAveragedWhereSomeoneWasOnDuty) {
  std::vector<hub::ReplicationResult> results(2);
  results[0].staff_utilisation.fill(kNaN);
  results[1].staff_utilisation.fill(kNaN);
  results[0].staff_utilisation[0] = 0.5;  // on duty only in replication 0
  results[0].staff_utilisation[2] = 0.2;
  results[1].staff_utilisation[2] = 0.4;
  const RunSummary s = summarise(results, hub::Budget{});
  EXPECT_DOUBLE_EQ(s.staff_utilisation[0], 0.5);
  EXPECT_TRUE(std::isnan(s.staff_utilisation[1]));
  EXPECT_NEAR(s.staff_utilisation[2], 0.3, 1e-15);
}

TEST(OutputSummary, CostsAreSummedPerYearAndLineAndJoinedWithTheBudget) {
  std::vector<hub::ReplicationResult> results(2);
  results[0].costs = {{2023, "center_staff", 60}, {2023, "center_staff", 40}};  // two entries: summed
  results[1].costs = {{2023, "center_staff", 200}, {2023, "training", 50}};     // training only here
  hub::Budget budget;
  budget.lines = {{2023, "center_staff", 150}, {2023, "hub_rooms", 30}};  // hub_rooms never simulated
  const RunSummary s = summarise(results, budget);
  ASSERT_EQ(s.costs.size(), 3u);

  EXPECT_EQ(s.costs[0].line, "center_staff");
  EXPECT_EQ(s.costs[0].fiscal_year, 2023);
  EXPECT_DOUBLE_EQ(s.costs[0].stat.mean, 150.0);
  EXPECT_EQ(s.costs[0].stat.n, 2u);
  ASSERT_TRUE(s.costs[0].budget_yen.has_value());
  EXPECT_DOUBLE_EQ(*s.costs[0].budget_yen, 150.0);

  EXPECT_EQ(s.costs[1].line, "hub_rooms");
  EXPECT_DOUBLE_EQ(s.costs[1].stat.mean, 0.0);
  EXPECT_DOUBLE_EQ(s.costs[1].budget_yen.value_or(-1), 30.0);

  EXPECT_EQ(s.costs[2].line, "training");
  EXPECT_DOUBLE_EQ(s.costs[2].stat.mean, 25.0);  // 0 where a replication spent nothing
  EXPECT_FALSE(s.costs[2].budget_yen.has_value());
}

// The year's total over all lines, with its own interval: replication totals 100 and 250 (hand-summed from the
// entries above), mean 175, sd 75·√2, half-width t(0.975, 1) · 75 — not the sum of the lines' half-widths.
TEST(OutputSummary, EachFiscalYearsTotalCostHasItsOwnInterval) {
  std::vector<hub::ReplicationResult> results(2);
  results[0].costs = {{2023, "center_staff", 60}, {2023, "center_staff", 40}, {2024, "training", 10}};
  results[1].costs = {{2023, "center_staff", 200}, {2023, "training", 50}};
  const RunSummary s = summarise(results, hub::Budget{});
  ASSERT_EQ(s.cost_totals.size(), 2u);
  EXPECT_EQ(s.cost_totals[0].fiscal_year, 2023);
  EXPECT_DOUBLE_EQ(s.cost_totals[0].stat.mean, 175.0);
  EXPECT_DOUBLE_EQ(s.cost_totals[0].stat.ci_low, 0.0);  // 175 − 12.7 · 75 < 0 yen: cut at 0
  EXPECT_NEAR(s.cost_totals[0].stat.ci_high, 175.0 + kT1 * 75.0, 1e-9 * 175);
  EXPECT_EQ(s.cost_totals[1].fiscal_year, 2024);
  EXPECT_DOUBLE_EQ(s.cost_totals[1].stat.mean, 5.0);  // 10 and 0
}

// Per fiscal year, each per-year KPI is summarised over replications like a horizon KPI: FY2024's calls 10 and 14
// have mean 12, half-width t(0.975, 1) · sd = 12.706 · 2√2 / √2 = 12.706 · 2; a share's interval stops at 1.
TEST(OutputSummary, EachFiscalYearsKpisHaveTheirOwnInterval) {
  std::size_t calls = 0, within_4h = 0;
  for (std::size_t i = 0; i < hub::kYearKpiCount; ++i) {
    if (hub::kYearKpis[i] == kCalls) calls = i;
    if (hub::kYearKpis[i] == hub::kpi_index("arrange_within_4h")) within_4h = i;
  }
  std::vector<hub::ReplicationResult> results(2);
  const double fy2024_calls[] = {10, 14}, fy2025_calls[] = {3, 3}, fy2024_share[] = {0.9, 1.0};
  for (std::size_t r = 0; r < 2; ++r) {
    results[r].years = {{2024, {}}, {2025, {}}};
    results[r].years[0].kpi[calls] = fy2024_calls[r];
    results[r].years[1].kpi[calls] = fy2025_calls[r];
    results[r].years[0].kpi[within_4h] = fy2024_share[r];
    results[r].years[1].kpi[within_4h] = kNaN;  // no emergency in FY2025
  }
  const RunSummary s = summarise(results, hub::Budget{});
  ASSERT_EQ(s.years.size(), 2u);
  EXPECT_EQ(s.years[0].fiscal_year, 2024);
  EXPECT_EQ(s.years[1].fiscal_year, 2025);
  ASSERT_EQ(s.years[0].kpis.size(), hub::kYearKpiCount);
  EXPECT_DOUBLE_EQ(s.years[0].kpis[calls].mean, 12.0);
  EXPECT_NEAR(s.years[0].kpis[calls].ci_high, 12.0 + kT1 * 2.0, 1e-9);
  EXPECT_DOUBLE_EQ(s.years[0].kpis[calls].ci_low, 0.0);  // 12 − 25.4 < 0: cut at 0
  EXPECT_DOUBLE_EQ(s.years[1].kpis[calls].mean, 3.0);
  EXPECT_DOUBLE_EQ(s.years[0].kpis[within_4h].mean, 0.95);
  EXPECT_DOUBLE_EQ(s.years[0].kpis[within_4h].ci_high, 1.0);  // a share's interval stops at 1
  EXPECT_EQ(s.years[1].kpis[within_4h].n, 0u);
}

}  // namespace
}  // namespace kyoten::output
