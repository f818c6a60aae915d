// Splitting variance over replication pairs that share a draw (sim/stats/variance_split.hpp), worked by hand.
#include "sim/stats/variance_split.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

namespace kyoten::sim {
namespace {

TEST(PairVarianceSplit, HandWorkedExample) {
  // Pairs (1, 3), (5, 9), (4, 6): (y_a − y_b)²/2 = 2, 8, 2 → stochastic 4. Sample variance of all six: mean
  // 14/3, squared deviations sum to 112/3, over 5 → 112/15. Parameter 112/15 − 4 = 52/15.
  const std::vector<double> values{1, 3, 5, 9, 4, 6};
  const VarianceSplit v = pair_variance_split(values);
  EXPECT_EQ(v.pairs, 3u);
  EXPECT_NEAR(v.stochastic, 4.0, 1e-12);
  EXPECT_NEAR(v.total, 112.0 / 15.0, 1e-12);
  EXPECT_NEAR(v.parameter, 52.0 / 15.0, 1e-12);
  EXPECT_NEAR(v.parameter_share, 52.0 / 112.0, 1e-12);
}

TEST(PairVarianceSplit, ParameterPartIsNeverNegative) {
  // Pairs differ more than the pair means do: the estimate of the parameter part would be negative.
  const VarianceSplit v = pair_variance_split(std::vector<double>{0, 10, 10, 0, 0, 10});
  EXPECT_EQ(v.parameter, 0.0);
  EXPECT_EQ(v.parameter_share, 0.0);
}

TEST(PairVarianceSplit, PairsWithAMissingValueAreLeftOut) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const VarianceSplit v = pair_variance_split(std::vector<double>{1, nan, 5, 9, 4, 6, 7});  // 7: no partner
  EXPECT_EQ(v.pairs, 2u);
  EXPECT_NEAR(v.stochastic, (8.0 + 2.0) / 2.0, 1e-12);
}

TEST(PairVarianceSplit, UndefinedBelowTwoPairs) {
  EXPECT_TRUE(std::isnan(pair_variance_split(std::vector<double>{1, 3}).total));
}

}  // namespace
}  // namespace kyoten::sim
