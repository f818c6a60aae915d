// Observation statistics (sim/stats/tally.hpp) against hand-worked values.
#include "sim/stats/tally.hpp"

#include <gtest/gtest.h>

#include <cmath>

using kyoten::sim::Tally;
using kyoten::sim::TimeWeighted;

TEST(Tally, MeanVarianceExtremesAndSumOfAHandWorkedSample) {
  // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations sum to 32, so the sample variance is 32 / 7.
  Tally t;
  for (double x : {2, 4, 4, 4, 5, 5, 7, 9}) t.add(x);
  EXPECT_EQ(t.count(), 8u);
  EXPECT_DOUBLE_EQ(t.mean(), 5.0);
  EXPECT_DOUBLE_EQ(t.variance(), 32.0 / 7.0);
  EXPECT_DOUBLE_EQ(t.stddev(), std::sqrt(32.0 / 7.0));
  EXPECT_EQ(t.min(), 2.0);
  EXPECT_EQ(t.max(), 9.0);
  EXPECT_DOUBLE_EQ(t.sum(), 40.0);
}

TEST(Tally, WelfordStaysExactForLargeOffsets) {
  // A naive sum of squares loses every digit here; the variance of 1e9 + {1, 2, 3} is 1.
  Tally t;
  for (double x : {1e9 + 1, 1e9 + 2, 1e9 + 3}) t.add(x);
  EXPECT_DOUBLE_EQ(t.variance(), 1.0);
}

TEST(Tally, EmptyAndSingleObservationAreUndefinedWhereTheyShouldBe) {
  Tally t;
  EXPECT_TRUE(std::isnan(t.mean()));
  t.add(3.0);
  EXPECT_DOUBLE_EQ(t.mean(), 3.0);
  EXPECT_TRUE(std::isnan(t.variance()));
  t.clear();
  EXPECT_EQ(t.count(), 0u);
  EXPECT_TRUE(std::isnan(t.mean()));
}

TEST(Tally, QuantilesInterpolateOrderStatisticsAsRType7) {
  // Sorted 2 4 4 4 5 5 7 9: p = 0.5 → h = 3.5 → (4 + 5) / 2; p = 0.9 → h = 6.3 → 7 + 0.3 · 2.
  Tally t(true);
  for (double x : {9, 4, 5, 2, 4, 7, 5, 4}) t.add(x);
  EXPECT_DOUBLE_EQ(t.quantile(0.5), 4.5);
  EXPECT_DOUBLE_EQ(t.quantile(0.9), 7.6);
  EXPECT_DOUBLE_EQ(t.quantile(0.0), 2.0);
  EXPECT_DOUBLE_EQ(t.quantile(1.0), 9.0);
  EXPECT_DOUBLE_EQ(t.fraction_at_most(4.0), 0.5);
  EXPECT_DOUBLE_EQ(t.fraction_at_most(1.0), 0.0);
  // clear() keeps the choice to store values.
  t.clear();
  t.add(1.0);
  EXPECT_DOUBLE_EQ(t.quantile(0.5), 1.0);
}

TEST(TimeWeighted, AveragesALevelOverTheTimeItHeld) {
  // Level 0 on [0, 2), 3 on [2, 5), 1 on [5, 10): area 0 + 9 + 5 = 14 over 10 hours.
  TimeWeighted w(0.0, 0.0);
  w.set(2.0, 3.0);
  w.add(5.0, -2.0);
  EXPECT_EQ(w.level(), 1.0);
  EXPECT_DOUBLE_EQ(w.integral(10.0), 14.0);
  EXPECT_DOUBLE_EQ(w.mean(10.0), 1.4);
  EXPECT_DOUBLE_EQ(w.mean(5.0), 9.0 / 5.0);
}

TEST(TimeWeighted, RestartDropsTheWarmUpAndKeepsTheLevel) {
  TimeWeighted w(0.0, 4.0);
  w.set(6.0, 2.0);
  w.restart(6.0);
  w.set(8.0, 5.0);
  // From 6: level 2 for 2 hours, then 5 for 2 hours: (4 + 10) / 4.
  EXPECT_DOUBLE_EQ(w.mean(10.0), 3.5);
  EXPECT_DOUBLE_EQ(w.integral(10.0), 14.0);
}

TEST(TimeWeighted, MeanAtTheStartIsTheCurrentLevel) {
  const TimeWeighted w(5.0, 2.0);
  EXPECT_EQ(w.mean(5.0), 2.0);
}
