// Minimum meaningful differences: a difference whose whole interval lies inside ±MMD is "no practical
// difference" (hand-worked intervals), the --mmd override, and compare judging only fiscal years both horizons
// cover, with the others listed.
#include <gtest/gtest.h>

#include <chrono>

#include "planning/comparison.hpp"
#include "planning/meaningful_differences.hpp"
#include "planning/paired.hpp"
#include "presentation/verdict_text.hpp"
#include "scenario/input_error.hpp"

namespace kyoten::planning {
namespace {

using presentation::verdict_key;
using presentation::verdict_sentence;

constexpr output::MeaningfulDifference kOneMinute{1.0, 0};

TEST(MeaningfulDifference, AClearButTinyDifferenceIsNoPracticalDifference) {
  // Differences 0.03, 0.05, 0.04, 0.04 min: mean 0.04, sd 0.00816, half-width t3 × sd / 2 = 0.0130 — clearly
  // above 0 and wholly inside ±1 min.
  const std::vector<double> base{0, 0, 0, 0}, other{0.03, 0.05, 0.04, 0.04};
  Difference d = paired_difference(base, other, 0.95);
  ASSERT_EQ(d.verdict, Verdict::Higher);
  apply_meaningful_difference(d, kOneMinute);
  EXPECT_EQ(d.verdict, Verdict::NoPracticalDifference);
  EXPECT_STREQ(verdict_key(d.verdict), "no_practical_difference");
  EXPECT_NE(verdict_sentence("Wait", "minutes", d, "B", "A", presentation::Language::English).find("no practical"),
            std::string::npos);
}

TEST(MeaningfulDifference, AnIntervalReachingPastTheMmdKeepsItsVerdict) {
  // Differences 2.5, 3.5, 3, 3: mean 3, half-width 3.182 × 0.408 / 2 = 0.65 → [2.35, 3.65]: clear and meaningful.
  Difference clear = paired_difference(std::vector<double>{0, 0, 0, 0}, std::vector<double>{2.5, 3.5, 3, 3}, 0.95);
  apply_meaningful_difference(clear, kOneMinute);
  EXPECT_EQ(clear.verdict, Verdict::Higher);
  // Differences −0.5, 1.5, 0.5, 0.5: interval [−0.80, 1.80] holds 0 and reaches past ±1: still "not clear".
  Difference unclear =
      paired_difference(std::vector<double>{0, 0, 0, 0}, std::vector<double>{-0.5, 1.5, 0.5, 0.5}, 0.95);
  apply_meaningful_difference(unclear, kOneMinute);
  EXPECT_EQ(unclear.verdict, Verdict::NotClear);
}

TEST(MeaningfulDifference, MoneyIsJudgedAsAShareOfTheLargerMean) {
  // 1,000,000 against 1,005,000 ± 1,000: inside 1% of 1,005,000 = 10,050.
  Difference d = paired_difference(std::vector<double>{1e6, 1e6, 1e6, 1e6},
                                   std::vector<double>{1.004e6, 1.006e6, 1.005e6, 1.005e6}, 0.95);
  EXPECT_NEAR(meaningful_threshold(d, {0, 0.01}), 10'050, 1e-6);
  apply_meaningful_difference(d, {0, 0.01});
  EXPECT_EQ(d.verdict, Verdict::NoPracticalDifference);
}

TEST(MeaningfulDifference, DefaultsAndOverrides) {
  MeaningfulDifferences m = default_meaningful_differences();
  EXPECT_DOUBLE_EQ(m.kpi[hub::kpi_index("answer_mean_min")].absolute, 1.0);
  EXPECT_DOUBLE_EQ(m.kpi[hub::kpi_index("arrange_mean_h")].absolute, 0.1);
  EXPECT_DOUBLE_EQ(m.kpi[hub::kpi_index("arrange_within_4h")].absolute, 0.01);
  EXPECT_DOUBLE_EQ(m.kpi[hub::kpi_index("cost_total_yen")].relative, 0.01);
  set_meaningful_difference("answer_mean_min=2", m);
  set_meaningful_difference("cost_fy=500000", m);
  set_meaningful_difference("cost_total_yen=2%", m);
  EXPECT_DOUBLE_EQ(m.kpi[hub::kpi_index("answer_mean_min")].absolute, 2.0);
  EXPECT_DOUBLE_EQ(m.fiscal_year_cost.absolute, 500'000);
  EXPECT_DOUBLE_EQ(m.kpi[hub::kpi_index("cost_total_yen")].relative, 0.02);
  EXPECT_THROW(set_meaningful_difference("answer_mean_min=2%", m), InputErrors);  // % only for money
  EXPECT_THROW(set_meaningful_difference("answer_mean=2", m), InputErrors);
  EXPECT_THROW(set_meaningful_difference("answer_mean_min=-1", m), InputErrors);
  EXPECT_THROW(set_meaningful_difference("answer_mean_min", m), InputErrors);
}

TEST(MeaningfulDifference, CompareJudgesOnlyTheFiscalYearsBothHorizonsCover) {
  using namespace std::chrono;
  // A covers FY2023 and FY2024; B only FY2024. FY2023 must not be compared as "B spent 0 yen".
  hub::Scenario a, b;
  a.meta.name = "a";
  b.meta.name = "b";
  a.horizon = {sys_days{2023y / April / 1}, sys_days{2025y / April / 1}, 0};
  b.horizon = {sys_days{2024y / April / 1}, sys_days{2025y / April / 1}, 0};
  std::vector<hub::ReplicationResult> ra(4), rb(4);
  for (std::size_t r = 0; r < 4; ++r) {
    ra[r].costs = {{2023, "center", 100.0 + double(r)}, {2024, "center", 200.0 + double(r)}};
    rb[r].costs = {{2024, "center", 300.0 + 2.0 * double(r)}};
  }
  const Comparison c = compare_scenarios({{"a.toml", &a, ra}, {"b.toml", &b, rb}}, 1, 0.95);
  ASSERT_EQ(c.versus.size(), 1u);
  ASSERT_EQ(c.versus[0].fiscal_years.size(), 1u);
  EXPECT_EQ(c.versus[0].fiscal_years[0].fiscal_year, 2024);
  EXPECT_DOUBLE_EQ(c.versus[0].fiscal_years[0].difference.ci.mean, 101.5);  // (100 + 101 + 102 + 103) / 4
  EXPECT_EQ(c.versus[0].years_not_shared, std::vector<int>{2023});
}

}  // namespace
}  // namespace kyoten::planning
