// Wilson score interval for a proportion, against values worked out from its closed form.
#include <gtest/gtest.h>

#include <cmath>

#include "sim/stats/proportion.hpp"

namespace kyoten::sim {
namespace {

constexpr double kZ = 1.959963984540054;  // standard normal 0.975 quantile

TEST(WilsonInterval, TenOfHundredMatchesTheClosedForm) {
  // (p + z²/2n ± z sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n), p = 0.1, n = 100: [0.05523, 0.17437].
  const ProportionInterval p = wilson_interval(0.1, 100);
  EXPECT_DOUBLE_EQ(p.share, 0.1);
  EXPECT_NEAR(p.low, 0.055229, 1e-6);
  EXPECT_NEAR(p.high, 0.1743657, 1e-6);
}

TEST(WilsonInterval, NoneOrAllObservedKeepsAnIntervalInsideZeroToOne) {
  // At p = 0 the interval is [0, (z²/n) / (1 + z²/n)], at p = 1 its mirror image.
  const double n = 20;
  const double upper = (kZ * kZ / n) / (1 + kZ * kZ / n);
  const ProportionInterval none = wilson_interval(0.0, n);
  EXPECT_NEAR(none.low, 0.0, 1e-15);
  EXPECT_NEAR(none.high, upper, 1e-12);
  const ProportionInterval all = wilson_interval(1.0, n);
  EXPECT_NEAR(all.low, 1 - upper, 1e-12);
  EXPECT_NEAR(all.high, 1.0, 1e-15);
}

TEST(WilsonInterval, NoTrialsGiveNoInterval) {
  EXPECT_TRUE(std::isnan(wilson_interval(0.5, 0).low));
}

}  // namespace
}  // namespace kyoten::sim
