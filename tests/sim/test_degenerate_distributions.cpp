// Parameters at the edge of a family's domain either mean something plain (a uniform with low == high is that
// constant) or are refused with the reason; none may hang, assert or produce NaN.
#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <vector>

#include "sim/random/dirichlet.hpp"
#include "sim/random/distribution.hpp"

namespace kyoten::sim {
namespace {

// Boost's uniform_real loops forever when low == high (it redraws until the value is below high).
TEST(DegenerateDistributions, UniformWithEqualBoundsIsThatConstant) {
  const Distribution d(Uniform{3.0, 3.0});
  RandomStream s(1, 0, "uniform-equal");
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(d(s), 3.0);
  EXPECT_EQ(d.mean(), 3.0);
  EXPECT_TRUE(std::holds_alternative<Uniform>(d.spec()));  // still recorded as the uniform written
}

// With alpha = 0.1 a gamma draw is exp(-E / 0.1) · ...: it would need E > 74.5 to underflow to 0, which a
// 64-bit uniform never produces; so every share is finite and they sum to 1.
TEST(DegenerateDistributions, DirichletAtItsSmallestAlphaNeverGivesNaN) {
  const Dirichlet d({Dirichlet::kMinAlpha, Dirichlet::kMinAlpha, Dirichlet::kMinAlpha});
  RandomStream s(2, 0, "dirichlet-small");
  std::vector<double> x(3);
  for (int i = 0; i < 100000; ++i) {
    d(s, x);
    for (double v : x) ASSERT_TRUE(std::isfinite(v));
    ASSERT_NEAR(std::accumulate(x.begin(), x.end(), 0.0), 1.0, 1e-12);
  }
}

TEST(DegenerateDistributions, TinyAlphasAreRefusedWithTheReason) {
  try {
    Dirichlet({1e-5, 1e-5});
    FAIL() << "accepted";
  } catch (const DistributionError& e) {
    EXPECT_NE(e.message.find(">= 0.1"), std::string::npos) << e.message;
  }
  EXPECT_THROW(Distribution(Beta{0.01, 0.01}), DistributionError);
  EXPECT_NO_THROW(Distribution(Beta{0.1, 0.1}));
}

TEST(DegenerateDistributions, ParametersWhoseDerivedValuesOverflowAreRefused) {
  // sd/mean = 1e309 / 1e-300: the log-variance log1p((sd/mean)^2) is infinite.
  EXPECT_THROW(Distribution(LogNormal{1e-300, 1e9}), DistributionError);
  // mean = scale · Γ(1 + 1/0.001) = 10 · 1000!, beyond any double.
  EXPECT_THROW(Distribution(Weibull{0.001, 10}), DistributionError);
  // Γ(1 + 1/0.01) = 100! ≈ 9.3e157 is still finite.
  EXPECT_NO_THROW(Distribution(Weibull{0.01, 1}));
}

}  // namespace
}  // namespace kyoten::sim
