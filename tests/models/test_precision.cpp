// The replication-control rule of `run --precision` (output/precision.hpp): on i.i.d. values with a
// known mean and standard deviation it stops where the formula n ≈ (t σ / (P μ))² says, the look-ahead rejects
// an early lucky crossing, KPIs with mean 0 are skipped and listed, and the answer does not depend on batching.
#include <gtest/gtest.h>

#include <boost/random/normal_distribution.hpp>
#include <cmath>

#include "output/precision.hpp"
#include "sim/random/stream.hpp"
#include "sim/stats/confidence.hpp"

namespace kyoten::output {
namespace {

std::vector<double> normal_values(double mu, double sigma, std::size_t n, std::uint64_t seed) {
  sim::RandomStream stream(seed, 0, "precision-test");
  boost::random::normal_distribution<double> normal(mu, sigma);
  std::vector<double> v(n);
  for (double& x : v) x = normal(stream);
  return v;
}

// The n at which t_{n-1} σ / sqrt(n) = P μ (fixed point, since t depends on n).
double predicted_n(double mu, double sigma, double p) {
  double n = 100;
  for (int i = 0; i < 50; ++i) n = std::pow(sim::student_t_critical(0.95, n - 1) * sigma / (p * mu), 2.0);
  return n;
}

TEST(Precision, StopsWhereTheFormulaPredicts) {
  const double mu = 10, sigma = 1, p = 0.0062;
  const double expected = predicted_n(mu, sigma, p);  // ≈ 1000
  ASSERT_NEAR(expected, 1000, 10);
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    const std::vector<PrecisionSeries> series{{"x", normal_values(mu, sigma, 3000, seed)}};
    const PrecisionDecision d = decide_precision(series, {.target = p});
    ASSERT_TRUE(d.satisfied) << "seed " << seed;
    EXPECT_NEAR(static_cast<double>(d.solution), expected, 0.10 * expected) << "seed " << seed;
    EXPECT_EQ(d.keep, d.solution + look_ahead(d.solution, 5));
    EXPECT_LE(d.reached, p);
  }
}

TEST(Precision, EveryHeadlineSeriesMustMeetTheTarget) {
  // The noisier series (σ/μ = 0.2) needs four times the replications of the quieter one (0.1).
  const std::vector<PrecisionSeries> series{{"quiet", normal_values(10, 1, 4000, 7)},
                                            {"noisy", normal_values(10, 2, 4000, 8)}};
  const PrecisionDecision d = decide_precision(series, {.target = 0.02});
  ASSERT_TRUE(d.satisfied);
  const double expected = predicted_n(10, 2, 0.02);  // ≈ 385
  EXPECT_NEAR(static_cast<double>(d.solution), expected, 0.10 * expected);
}

TEST(Precision, LookAheadRejectsAnEarlyCrossing) {
  // Three equal values give a zero half-width at n = 3; the fourth breaks it, inside the look-ahead of 5.
  std::vector<double> v{10, 10, 10, 30, 10, 10};
  const PrecisionSeries s{"x", v};
  const PrecisionDecision d = decide_precision(std::span(&s, 1), {.target = 0.05});
  EXPECT_FALSE(d.satisfied);
  EXPECT_GT(d.next_total, v.size());
  EXPECT_LE(d.next_total, 2 * v.size());
  // Equal values throughout: N_sol = 3 (the minimum), kept until its look-ahead is run: 3 + 5.
  const PrecisionSeries flat{"x", std::vector<double>(20, 4.0)};
  const PrecisionDecision f = decide_precision(std::span(&flat, 1), {.target = 0.05});
  EXPECT_TRUE(f.satisfied);
  EXPECT_EQ(f.solution, 3u);
  EXPECT_EQ(f.keep, 8u);
}

TEST(Precision, ZeroMeanAndUndefinedSeriesAreSkippedAndListed) {
  const std::vector<PrecisionSeries> series{{"always_zero", std::vector<double>(50, 0.0)},
                                            {"never_defined", std::vector<double>(50, std::nan(""))},
                                            {"x", normal_values(5, 0.5, 50, 3)}};
  const PrecisionDecision d = decide_precision(series, {.target = 0.2});
  EXPECT_EQ(d.skipped, (std::vector<std::string>{"always_zero", "never_defined"}));
  EXPECT_TRUE(d.satisfied);
}

TEST(Precision, TheAnswerDoesNotDependOnHowManyWereRunAtOnce) {
  const std::vector<double> all = normal_values(10, 3, 2000, 11);
  const PrecisionSeries whole{"x", all};
  const PrecisionDecision reference = decide_precision(std::span(&whole, 1), {.target = 0.03});
  ASSERT_TRUE(reference.satisfied);
  for (std::size_t n : {reference.keep, reference.keep + 1, std::size_t{1500}}) {
    const PrecisionSeries part{"x", std::vector<double>(all.begin(), all.begin() + static_cast<long>(n))};
    const PrecisionDecision d = decide_precision(std::span(&part, 1), {.target = 0.03});
    EXPECT_TRUE(d.satisfied);
    EXPECT_EQ(d.solution, reference.solution);
    EXPECT_EQ(d.keep, reference.keep);
  }
  const PrecisionSeries short_of{"x", std::vector<double>(all.begin(), all.begin() + static_cast<long>(reference.keep - 1))};
  EXPECT_FALSE(decide_precision(std::span(&short_of, 1), {.target = 0.03}).satisfied);
}

TEST(Precision, LookAheadGrowsAboveOneHundred) {
  EXPECT_EQ(look_ahead(3, 5), 5u);
  EXPECT_EQ(look_ahead(100, 5), 5u);
  EXPECT_EQ(look_ahead(400, 5), 20u);
}

}  // namespace
}  // namespace kyoten::output

namespace kyoten::output {
namespace {

TEST(Precision, WithParameterDrawsTheRuleCountsPairsAndAnswersInWholePairs) {
  // Replications 2k and 2k+1 share a draw: the rule runs on the pair means (independent units) and every count
  // it returns is twice a number of pairs.
  const std::vector<double> values = normal_values(10, 1, 1200, 4);
  const std::vector<PrecisionSeries> series{{"x", values}};
  const PrecisionDecision paired = decide_precision(series, {.target = 0.01, .draw_group = 2});
  const std::vector<PrecisionSeries> means{{"x", sim::group_means(values, 2)}};
  const PrecisionDecision on_means = decide_precision(means, {.target = 0.01});
  ASSERT_TRUE(paired.satisfied);
  EXPECT_EQ(paired.solution, 2 * on_means.solution);
  EXPECT_EQ(paired.keep, 2 * on_means.keep);
  EXPECT_EQ(paired.keep % 2, 0u);
  EXPECT_EQ(paired.reached, on_means.reached);
}


TEST(Precision, NearZeroAnAbsoluteToleranceReplacesTheRelativeOne) {
  // Mean 0.3, σ = 1: ±5% of the mean needs n ≈ (1.96 / 0.015)² ≈ 17,000. With an absolute tolerance of 0.1 the
  // rule is h <= max(0.05 × 0.3, 0.1) = 0.1, so n ≈ (t σ / 0.1)² ≈ 387 — the formula with |mean| replaced by
  // absolute / P = 2.
  const double expected = predicted_n(0.1 / 0.05, 1, 0.05);
  ASSERT_NEAR(expected, 387, 5);
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    const std::vector<PrecisionSeries> near_zero{{"backlog", normal_values(0.3, 1, 3000, seed), 0.1}};
    const PrecisionDecision d = decide_precision(near_zero, {.target = 0.05});
    ASSERT_TRUE(d.satisfied) << "seed " << seed;
    // The first crossing of a noisy estimate, confirmed by the look-ahead: within 25% of the formula (the
    // relative rule alone would need ~17,000).
    EXPECT_NEAR(static_cast<double>(d.solution), expected, 0.25 * expected) << "seed " << seed;
  }
  // Far from zero the tolerance changes nothing: mean 10, σ 1 stops where the relative formula says.
  const std::vector<PrecisionSeries> far{{"x", normal_values(10, 1, 3000, 4), 0.1}};
  const double relative = predicted_n(10, 1, 0.01);
  EXPECT_NEAR(static_cast<double>(decide_precision(far, {.target = 0.01}).solution), relative, 0.15 * relative);
}

TEST(Precision, StoppedShortItNamesTheSeriesThatHeldItBack) {
  // Relative precision alone on a mean of 0.3 is out of reach in 200 replications; the quiet series is not.
  const std::vector<PrecisionSeries> series{{"quiet", normal_values(10, 0.1, 200, 5)},
                                            {"backlog", normal_values(0.3, 1, 200, 6)}};
  const PrecisionDecision d = decide_precision(series, {.target = 0.05});
  EXPECT_FALSE(d.satisfied);
  EXPECT_EQ(d.limiting, "backlog");
}

}  // namespace
}  // namespace kyoten::output
