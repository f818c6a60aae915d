// The acceptance criterion for calibrate: with the default (Jeffreys) priors, the 95% posterior interval
// covers the true value in 93–97% of fixed-seed trials — for a rate (Poisson counts over a stated exposure) and
// for a share (binomial counts). The seeds are fixed and were not tuned: coverage is a property of the prior.
#include <gtest/gtest.h>

#include <boost/math/distributions/poisson.hpp>
#include <boost/random/binomial_distribution.hpp>
#include <boost/random/poisson_distribution.hpp>

#include "calibration/posterior.hpp"
#include "sim/random/stream.hpp"

namespace kyoten::calibration {
namespace {

constexpr int kTrials = 2000;

double rate_coverage(double true_rate, double exposure, std::uint64_t seed) {
  sim::RandomStream stream(seed, 0, "calibration-coverage-rate");
  boost::random::poisson_distribution<int> poisson(true_rate * exposure);
  int covered = 0;
  for (int t = 0; t < kTrials; ++t)
    covered += rate_posterior(poisson(stream), exposure, Priors{}).interval(0.95).contains(true_rate);
  return static_cast<double>(covered) / kTrials;
}

double share_coverage(double true_p, int trials, std::uint64_t seed) {
  sim::RandomStream stream(seed, 0, "calibration-coverage-share");
  boost::random::binomial_distribution<int> binomial(trials, true_p);
  int covered = 0;
  for (int t = 0; t < kTrials; ++t) {
    const int k = binomial(stream);
    // A two-way split: its Dirichlet marginal and the Beta posterior are the same distribution.
    const BetaPosterior marginal = split_posterior({k, trials - k}, Priors{}).marginal(0);
    covered += marginal.interval(0.95).contains(true_p);
  }
  return static_cast<double>(covered) / kTrials;
}

TEST(CalibrationCoverage, RateOfHalfPerRegistrantYearOver100RegistrantYears) {
  const double c = rate_coverage(0.5, 100.0, 1);
  RecordProperty("coverage", std::to_string(c));
  EXPECT_GE(c, 0.93);
  EXPECT_LE(c, 0.97);
}

TEST(CalibrationCoverage, RateFromASmallCount) {  // expected count 10
  const double c = rate_coverage(0.5, 20.0, 2);
  RecordProperty("coverage", std::to_string(c));
  EXPECT_GE(c, 0.93);
  EXPECT_LE(c, 0.97);
}

TEST(CalibrationCoverage, ShareOfCallsInABand) {  // like 7 weekend calls of 48
  const double c = share_coverage(0.15, 48, 3);
  RecordProperty("coverage", std::to_string(c));
  EXPECT_GE(c, 0.93);
  EXPECT_LE(c, 0.97);
}

TEST(CalibrationCoverage, EmergencyProbabilityFromFewCalls) {  // like 9 emergencies of 34 calls
  const double c = share_coverage(0.265, 34, 4);
  RecordProperty("coverage", std::to_string(c));
  EXPECT_GE(c, 0.93);
  EXPECT_LE(c, 0.97);
}

// No Monte Carlo noise: the exact coverage, summing the Poisson probabilities of the counts whose interval covers.
TEST(CalibrationCoverage, ExactRateCoverageIsNearNominal) {
  for (const double expected_count : {10.0, 50.0}) {
    const double exposure = expected_count / 0.5;
    const boost::math::poisson_distribution<double> poisson(expected_count);
    double covered = 0;
    for (int k = 0; k < 400; ++k)
      if (rate_posterior(k, exposure, Priors{}).interval(0.95).contains(0.5)) covered += boost::math::pdf(poisson, k);
    RecordProperty("exact_coverage_" + std::to_string(static_cast<int>(expected_count)), std::to_string(covered));
    EXPECT_GE(covered, 0.93) << expected_count;
    EXPECT_LE(covered, 0.97) << expected_count;
  }
}

}  // namespace
}  // namespace kyoten::calibration
