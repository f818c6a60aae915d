// Paired differences and their verdicts: identical inputs give exactly zero and "same"; a difference whose interval
// holds 0 is "not clear"; the sentences say which way and by how much, in Japanese and English.
#include <gtest/gtest.h>

#include <limits>

#include "planning/paired.hpp"
#include "presentation/verdict_text.hpp"

namespace kyoten::planning {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
using presentation::Language;
using presentation::verdict_key;
using presentation::verdict_sentence;

TEST(PlanningPaired, IdenticalColumnsGiveZeroAndSame) {
  const std::vector<double> a{3, 5, kNaN, 9};
  const Difference d = paired_difference(a, a, 0.95);
  EXPECT_EQ(d.verdict, Verdict::Same);
  EXPECT_EQ(d.ci.mean, 0.0);
  EXPECT_EQ(d.ci.low(), 0.0);
  EXPECT_EQ(d.ci.high(), 0.0);
  EXPECT_EQ(d.ci.n, 3u);  // the NaN replication is left out
}

TEST(PlanningPaired, UndefinedInBothEverywhereIsStillSame) {
  const std::vector<double> a{kNaN, kNaN};
  EXPECT_EQ(paired_difference(a, a, 0.95).verdict, Verdict::Same);
}

TEST(PlanningPaired, ConstantShiftIsAClearDifference) {
  const std::vector<double> a{10, 20, 30}, b{7, 17, 27};
  const Difference d = paired_difference(a, b, 0.95);  // b − a = −3 in every replication
  EXPECT_EQ(d.verdict, Verdict::Lower);
  EXPECT_DOUBLE_EQ(d.ci.mean, -3.0);
  EXPECT_DOUBLE_EQ(d.mean_base, 20.0);
  EXPECT_DOUBLE_EQ(d.mean_other, 17.0);
}

TEST(PlanningPaired, IntervalHoldingZeroIsNotClear) {
  const std::vector<double> a{10, 10, 10, 10}, b{11, 9, 12, 8};
  EXPECT_EQ(paired_difference(a, b, 0.95).verdict, Verdict::NotClear);
}

TEST(PlanningPaired, WithParameterDrawsTheUnitsArePairs) {
  // other − base = 3, 4, 5, 6: as pairs sharing a draw, the units are 3.5 and 5.5 (n = 2, s = sqrt(2),
  // t_{1, 0.975} = 12.7062, half-width t s / sqrt(2) = 12.7062): the interval holds 0, where four independent
  // differences (s = 1.291, t_{3, 0.975} = 3.1824, half-width 2.054 around 4.5) would exclude it.
  const std::vector<double> base{0, 0, 1, 1}, other{3, 4, 6, 7};
  const Difference paired = paired_difference(base, other, 0.95, 2);
  EXPECT_EQ(paired.ci.n, 2u);
  EXPECT_DOUBLE_EQ(paired.ci.mean, 4.5);
  EXPECT_NEAR(paired.ci.half_width, 12.7062, 1e-3);
  EXPECT_EQ(paired.verdict, Verdict::NotClear);
  EXPECT_EQ(paired_difference(base, other, 0.95).verdict, Verdict::Higher);
}

TEST(PlanningPaired, CostByFiscalYearFillsMissingYearsWithZero) {
  std::vector<hub::ReplicationResult> r(2);
  r[0].costs = {{2024, "center", 100}, {2024, "care_taxi", 5}, {2025, "center", 50}};
  r[1].costs = {{2024, "center", 90}};
  const auto by_year = cost_by_fiscal_year(r);
  EXPECT_EQ(by_year.at(2024), (std::vector<double>{105, 90}));
  EXPECT_EQ(by_year.at(2025), (std::vector<double>{50, 0}));
}

TEST(PlanningVerdict, SentencesSayDirectionMagnitudeAndInterval) {
  // Answer time 38 min shorter with an interval of ±7.
  Difference d;
  d.verdict = Verdict::Lower;
  d.ci.mean = -38;
  d.ci.half_width = 7;
  d.ci.n = 20;
  d.mean_base = 60;
  const std::string en = verdict_sentence("Time to first answer, mean", "minutes", d, "B", "A", Language::English);
  EXPECT_EQ(en, "Time to first answer, mean: B is 38 min shorter than A (95% CI 31–45)");
  const std::string ja = verdict_sentence("初回応答までの平均時間", "minutes", d, "B", "A", Language::Japanese);
  EXPECT_EQ(ja, "初回応答までの平均時間：BはAより38分短い（95%信頼区間 31〜45）");
}

TEST(PlanningVerdict, SharesAreInPercentagePoints) {
  Difference d;
  d.verdict = Verdict::Higher;
  d.ci.mean = 0.05;
  d.ci.half_width = 0.01;
  d.ci.n = 20;
  d.mean_base = 0.9;
  EXPECT_EQ(verdict_sentence("Arranged within 4 h", "share", d, "B", "A", Language::English),
            "Arranged within 4 h: B is 5 points higher than A (95% CI 4–6)");
}

TEST(PlanningVerdict, NotClearSaysSoInBothLanguages) {
  Difference d;
  d.verdict = Verdict::NotClear;
  d.ci.mean = 1;
  d.ci.half_width = 3;
  d.ci.n = 10;
  EXPECT_NE(verdict_sentence("x", "count", d, "B", "A", Language::Japanese).find("差は統計的に明確ではない"),
            std::string::npos);
  EXPECT_NE(verdict_sentence("x", "count", d, "B", "A", Language::English).find("no statistically clear difference"),
            std::string::npos);
}

TEST(PlanningVerdict, SameSaysNoDifference) {
  Difference d;
  d.verdict = Verdict::Same;
  EXPECT_EQ(verdict_sentence("Calls", "count", d, "B", "A", Language::English),
            "Calls: no difference (identical in every replication)");
  EXPECT_STREQ(verdict_key(Verdict::Same), "same");
}

}  // namespace
}  // namespace kyoten::planning
