// Thinning (sim/random/nhpp.hpp) against the closed-form expected count of a known intensity, and the
// piecewise-linear trend it is used with, against hand-worked values.
#include "sim/random/nhpp.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>

using kyoten::sim::next_arrival_by_thinning;
using kyoten::sim::PiecewiseLinear;
using kyoten::sim::RandomStream;
using kyoten::sim::Time;

namespace {

// Arrivals of one realisation on [0, horizon), counted in total and in [0, split).
struct Counts {
  double total = 0;
  double before_split = 0;
};

template <class Intensity>
Counts count_arrivals(RandomStream& s, Time horizon, double bound, Time split, Intensity&& intensity) {
  Counts c;
  for (Time t = next_arrival_by_thinning(s, 0.0, horizon, bound, intensity); std::isfinite(t);
       t = next_arrival_by_thinning(s, t, horizon, bound, intensity)) {
    ++c.total;
    if (t < split) ++c.before_split;
  }
  return c;
}

}  // namespace

TEST(Thinning, LinearIntensityGivesItsIntegralAsTheMeanCount) {
  // λ(t) = 2 + 0.5 t on [0, 20): Λ = 2·20 + 0.25·20² = 140 arrivals expected, Λ(10) = 20 + 25 = 45 before t = 10.
  const PiecewiseLinear rate({{0.0, 2.0}, {20.0, 12.0}});
  constexpr int kRuns = 2000;
  RandomStream s(11, 0, "thinning");
  double total = 0, early = 0;
  for (int r = 0; r < kRuns; ++r) {
    const Counts c = count_arrivals(s, 20.0, 12.0, 10.0, [&](Time t) { return rate.at(t); });
    total += c.total;
    early += c.before_split;
  }
  // A Poisson count of mean 140 has sd √140 ≈ 11.8; the mean of 2000 runs has sd 0.26 (0.15 for 45).
  EXPECT_NEAR(total / kRuns, 140.0, 4 * std::sqrt(140.0 / kRuns));
  EXPECT_NEAR(early / kRuns, 45.0, 4 * std::sqrt(45.0 / kRuns));
}

TEST(Thinning, CountIsPoissonDispersedAroundTheIntegral) {
  // Step intensity: 3 per hour for 5 h, then 1 per hour for 5 h: Λ = 20, and a Poisson count's variance is 20.
  constexpr int kRuns = 4000;
  RandomStream s(12, 0, "thinning");
  double sum = 0, sum_sq = 0;
  for (int r = 0; r < kRuns; ++r) {
    const double n = count_arrivals(s, 10.0, 3.0, 5.0, [](Time t) { return t < 5.0 ? 3.0 : 1.0; }).total;
    sum += n;
    sum_sq += n * n;
  }
  const double mean = sum / kRuns;
  const double variance = (sum_sq - kRuns * mean * mean) / (kRuns - 1);
  EXPECT_NEAR(mean, 20.0, 4 * std::sqrt(20.0 / kRuns));
  // The sample variance of a Poisson(20) count has sd ≈ 20·√(2/n + 1/(20n)) ≈ 0.45 at n = 4000.
  EXPECT_NEAR(variance, 20.0, 2.0);
}

TEST(Thinning, NoArrivalBeforeTheHorizonIsInfinity) {
  RandomStream s(1, 0, "thinning");
  EXPECT_TRUE(std::isinf(next_arrival_by_thinning(s, 0.0, 10.0, 0.0, [](Time) { return 0.0; })));
  // An intensity of zero under a positive bound: every candidate is thinned away.
  EXPECT_TRUE(std::isinf(next_arrival_by_thinning(s, 0.0, 10.0, 5.0, [](Time) { return 0.0; })));
}

TEST(Thinning, ArrivalsFallAfterTheStartAndBeforeTheHorizon) {
  RandomStream s(2, 0, "thinning");
  for (int i = 0; i < 1000; ++i) {
    const Time t = next_arrival_by_thinning(s, 3.0, 4.0, 2.0, [](Time) { return 1.0; });
    if (std::isfinite(t)) {
      EXPECT_GT(t, 3.0);
      EXPECT_LT(t, 4.0);
    }
  }
}

TEST(PiecewiseLinear, InterpolatesBetweenKnotsAndHoldsOutside) {
  const PiecewiseLinear f({{0.0, 10.0}, {4.0, 30.0}, {6.0, 30.0}, {10.0, 0.0}});
  EXPECT_DOUBLE_EQ(f.at(-5.0), 10.0);
  EXPECT_DOUBLE_EQ(f.at(1.0), 15.0);   // 10 + 1/4 · 20
  EXPECT_DOUBLE_EQ(f.at(5.0), 30.0);
  EXPECT_DOUBLE_EQ(f.at(8.0), 15.0);   // 30 − 2/4 · 30
  EXPECT_DOUBLE_EQ(f.at(12.0), 0.0);
}

TEST(PiecewiseLinear, EmptyIsZeroAndUnsortedKnotsAreRefused) {
  EXPECT_TRUE(PiecewiseLinear().empty());
  EXPECT_EQ(PiecewiseLinear().at(3.0), 0.0);
  EXPECT_THROW(PiecewiseLinear({{2.0, 1.0}, {1.0, 1.0}}), std::invalid_argument);
}

TEST(PiecewiseLinear, AStepIsTwoKnotsAtOneTime) {
  // Two knots at the same time: a jump; the later knot's value holds from that time on.
  const PiecewiseLinear f({{0.0, 1.0}, {5.0, 1.0}, {5.0, 4.0}, {9.0, 4.0}});
  EXPECT_DOUBLE_EQ(f.at(4.999), 1.0);
  EXPECT_DOUBLE_EQ(f.at(5.5), 4.0);
}
