// Distributions stated by planner-friendly parameters (sim/random/distribution.hpp): the conversion to each
// family's own parameters against closed forms, checked on the stated mean and on large fixed-seed samples.
#include "sim/random/distribution.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

using namespace kyoten::sim;

namespace {

struct Moments {
  double mean = 0, sd = 0, log_mean = 0, log_sd = 0;
};

Moments sample(const Distribution& d, int n, std::uint64_t seed) {
  RandomStream s(seed, 0, "distribution");
  double sum = 0, sum_sq = 0, log_sum = 0, log_sq = 0;
  for (int i = 0; i < n; ++i) {
    const double x = d(s);
    sum += x, sum_sq += x * x;
    if (x > 0) log_sum += std::log(x), log_sq += std::log(x) * std::log(x);
  }
  const auto sd = [n](double s1, double s2) { return std::sqrt((s2 - s1 * s1 / n) / (n - 1)); };
  return {sum / n, sd(sum, sum_sq), log_sum / n, sd(log_sum, log_sq)};
}

constexpr int kDraws = 200000;

}  // namespace

TEST(Distribution, LogNormalMeanAndSdGiveTheLogarithmsMomentsInClosedForm) {
  // mean 3.5, sd 1: σ² = ln(1 + 1/3.5²) = 0.078472..., μ = ln 3.5 − σ²/2.
  const Distribution d(LogNormal{3.5, 1.0});
  const double s2 = std::log(1.0 + 1.0 / (3.5 * 3.5));
  const Moments m = sample(d, kDraws, 1);
  EXPECT_DOUBLE_EQ(d.mean(), 3.5);
  EXPECT_NEAR(m.log_mean, std::log(3.5) - s2 / 2, 4 * std::sqrt(s2 / kDraws));
  EXPECT_NEAR(m.log_sd, std::sqrt(s2), 0.005);
  EXPECT_NEAR(m.mean, 3.5, 4 * 1.0 / std::sqrt(kDraws));
  EXPECT_NEAR(m.sd, 1.0, 0.02);
}

TEST(Distribution, WeibullMeanIsScaleTimesGammaOfOnePlusOneOverShape) {
  // shape 2, scale 1: mean Γ(1.5) = √π / 2; variance Γ(2) − Γ(1.5)² = 1 − π/4.
  const Distribution d(Weibull{2.0, 1.0});
  EXPECT_NEAR(d.mean(), std::sqrt(std::numbers::pi) / 2, 1e-14);
  const Moments m = sample(d, kDraws, 2);
  EXPECT_NEAR(m.mean, std::sqrt(std::numbers::pi) / 2, 0.005);
  EXPECT_NEAR(m.sd, std::sqrt(1 - std::numbers::pi / 4), 0.005);
  // shape 1 is the exponential: mean = scale.
  EXPECT_NEAR(Distribution(Weibull{1.0, 4.0}).mean(), 4.0, 1e-14);
}

TEST(Distribution, GammaMeanIsShapeTimesScaleAndVarianceShapeTimesScaleSquared) {
  const Distribution d(Gamma{2.0, 1.5});
  EXPECT_DOUBLE_EQ(d.mean(), 3.0);
  const Moments m = sample(d, kDraws, 3);
  EXPECT_NEAR(m.mean, 3.0, 0.02);
  EXPECT_NEAR(m.sd, std::sqrt(2.0) * 1.5, 0.02);
}

TEST(Distribution, ExponentialIsStatedByItsMean) {
  const Distribution d(Exponential{30.0});
  EXPECT_DOUBLE_EQ(d.mean(), 30.0);
  const Moments m = sample(d, kDraws, 4);
  EXPECT_NEAR(m.mean, 30.0, 0.3);
  EXPECT_NEAR(m.sd, 30.0, 0.4);  // an exponential's sd equals its mean
}

TEST(Distribution, BetaUniformConstantAndEmpiricalMeans) {
  EXPECT_DOUBLE_EQ(Distribution(Beta{9.5, 25.5}).mean(), 9.5 / 35.0);
  EXPECT_DOUBLE_EQ(Distribution(Uniform{3.0, 4.0}).mean(), 3.5);
  EXPECT_DOUBLE_EQ(Distribution(Constant{2.0}).mean(), 2.0);
  // values 1, 2, 7 with weights 5, 3, 1: (5 + 6 + 7) / 9 = 2.
  const Distribution e(Empirical{{1, 2, 7}, {5, 3, 1}});
  EXPECT_DOUBLE_EQ(e.mean(), 2.0);
  EXPECT_NEAR(sample(e, kDraws, 5).mean, 2.0, 0.02);
  EXPECT_NEAR(sample(Distribution(Beta{9.5, 25.5}), kDraws, 6).mean, 9.5 / 35.0, 0.002);
}

TEST(Distribution, ConstantDrawsItsValueAndUniformStaysInItsRange) {
  RandomStream s(9, 0, "d");
  const Distribution c(Constant{2.5});
  const Distribution u(Uniform{3.0, 4.0});
  for (int i = 0; i < 1000; ++i) {
    EXPECT_EQ(c(s), 2.5);
    const double x = u(s);
    EXPECT_GE(x, 3.0);
    EXPECT_LE(x, 4.0);
  }
}

TEST(Distribution, ParametersOutsideAFamilysDomainAreRefused) {
  EXPECT_THROW(Distribution(Exponential{0.0}), DistributionError);
  EXPECT_THROW(Distribution(LogNormal{3.5, 0.0}), DistributionError);
  EXPECT_THROW(Distribution(LogNormal{-1.0, 1.0}), DistributionError);
  EXPECT_THROW(Distribution(Gamma{0.0, 1.0}), DistributionError);
  EXPECT_THROW(Distribution(Weibull{1.0, -1.0}), DistributionError);
  EXPECT_THROW(Distribution(Uniform{4.0, 3.0}), DistributionError);
  EXPECT_THROW(Distribution(Beta{1.0, 0.0}), DistributionError);
  EXPECT_THROW(Distribution(Empirical{{1, 2}, {1}}), DistributionError);
  EXPECT_THROW(Distribution(Empirical{{1, 2}, {0, 0}}), DistributionError);
  EXPECT_THROW(Distribution(Constant{std::nan("")}), DistributionError);
}

TEST(Distribution, FamilyNamesAreThoseOfScenarioFiles) {
  EXPECT_EQ(family_name(LogNormal{1, 1}), "lognormal");
  EXPECT_EQ(family_name(Empirical{}), "empirical");
  EXPECT_EQ(family_name(Constant{1}), "constant");
}
