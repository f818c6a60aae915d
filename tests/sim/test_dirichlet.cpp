// Dirichlet draws (sim/random/dirichlet.hpp) and the Beta family (sim/random/distribution.hpp) against their
// closed-form moments: E[X_i] = α_i / α₀, Var[X_i] = α_i (α₀ − α_i) / (α₀² (α₀ + 1)).
#include "sim/random/dirichlet.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <vector>

#include "sim/random/distribution.hpp"
#include "sim/stats/tally.hpp"

namespace kyoten::sim {
namespace {

TEST(Dirichlet, DrawsSumToOneWithTheClosedFormMoments) {
  const std::vector<double> alpha{34.5, 5.5, 2.5, 7.5};  // Setagaya's band split posterior
  const double a0 = 50.0;
  const Dirichlet d(alpha);
  RandomStream s(7, 0, "dirichlet-test");
  constexpr int kDraws = 20000;
  std::vector<Tally> share(alpha.size());
  std::vector<double> x(alpha.size());
  for (int i = 0; i < kDraws; ++i) {
    d(s, x);
    EXPECT_NEAR(std::accumulate(x.begin(), x.end(), 0.0), 1.0, 1e-12);
    for (std::size_t k = 0; k < x.size(); ++k) share[k].add(x[k]);
  }
  for (std::size_t k = 0; k < alpha.size(); ++k) {
    const double mean = alpha[k] / a0, var = alpha[k] * (a0 - alpha[k]) / (a0 * a0 * (a0 + 1));
    // 4 standard errors of the sample mean; the variance within 10 % (its relative s.e. is about 1 % here).
    EXPECT_NEAR(share[k].mean(), mean, 4 * std::sqrt(var / kDraws)) << k;
    EXPECT_NEAR(share[k].variance(), var, 0.1 * var) << k;
  }
  EXPECT_NEAR(d.mean()[0], 0.69, 1e-12);
}

TEST(Dirichlet, RefusesAlphaOfZero) { EXPECT_THROW(Dirichlet({1.0, 0.0}), DistributionError); }

TEST(BetaDistribution, MeanAndVarianceMatchTheClosedForm) {
  const Distribution beta(Beta{9.5, 25.5});
  EXPECT_DOUBLE_EQ(beta.mean(), 9.5 / 35.0);
  EXPECT_EQ(family_name(beta.spec()), "beta");
  RandomStream s(3, 0, "beta-test");
  Tally t;
  for (int i = 0; i < 20000; ++i) t.add(beta(s));
  const double var = 9.5 * 25.5 / (35.0 * 35.0 * 36.0);
  EXPECT_NEAR(t.mean(), 9.5 / 35.0, 4 * std::sqrt(var / 20000));
  EXPECT_NEAR(t.variance(), var, 0.1 * var);
}

}  // namespace
}  // namespace kyoten::sim
