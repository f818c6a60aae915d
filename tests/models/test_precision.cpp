// The replication-control rule of `run --precision` (output/precision.hpp): on i.i.d. values with a
// known mean and standard deviation it stops where the formula n ≈ (t σ / (P μ))² says, the look-ahead rejects
// an early lucky crossing, KPIs with mean 0 are skipped and listed, and the answer does not depend on batching.
// The formula's projection (n from a mean and standard deviation, the cap and precision it suggests) is checked
// against counts worked by hand from a Student t table.
#include <gtest/gtest.h>

#include <boost/random/normal_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>
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

namespace kyoten::output {
namespace {

// Hand-worked with a printed Student t table (two-sided 95%): the formula's n is the smallest n with
// t_{n-1} s / sqrt(n) <= tolerance.
TEST(PrecisionFormula, SmallestCountWhoseHalfWidthIsWithinTheTolerance) {
  // s = 1, tol = 1: t_5 = 2.571 > sqrt(6) = 2.449, t_6 = 2.447 <= sqrt(7) = 2.646.
  EXPECT_EQ(formula_replications(1, 1, 0.95), 7u);
  // s / tol = 4: t_62 = 1.9990, 4 x 1.9990 = 7.996 > sqrt(63) = 7.937; t_63 = 1.9983, 7.993 <= sqrt(64) = 8.
  EXPECT_EQ(formula_replications(2, 0.5, 0.95), 64u);
  // s / tol = 10: near 387 the Cornish-Fisher expansion t ≈ z + (z³ + z) / (4 df) + (5z⁵ + 16z³ + 3z) / (96 df²)
  // gives t_385 = 1.96613 (100 t² = 386.57 > 386) and t_386 = 1.96613 - 0.00003 (386.57 <= 387).
  EXPECT_EQ(formula_replications(1, 0.1, 0.95), 387u);
  // s / tol = 20: 400 t² = 1539.005 at df 1538 (> 1539), 1539.002 at df 1539 (<= 1540).
  EXPECT_EQ(formula_replications(2, 0.1, 0.95), 1540u);
  EXPECT_EQ(formula_replications(0, 0.1, 0.95), 2u);  // no spread: the smallest count with a half-width
  EXPECT_EQ(formula_replications(1, 0, 0.95), kFormulaCeiling);
}

TEST(PrecisionFormula, ProjectsEachSeriesFromItsMeanAndStandardDeviation) {
  // {8, 8, 10, 12, 12}: mean 10, deviations ±2, ±2, 0: sum of squares 16 over 4 = variance 4, s = 2.
  // P = 0.05: tolerance 0.5, s / tol = 4 -> 64 (above). Look-ahead f(64) = 5.
  const std::vector<PrecisionSeries> one{{"x", {8, 8, 10, 12, 12}}};
  const Projection p = project_replications(one, {.target = 0.05});
  ASSERT_EQ(p.series.size(), 1u);
  EXPECT_DOUBLE_EQ(p.series[0].mean, 10);
  EXPECT_DOUBLE_EQ(p.series[0].sd, 2);
  EXPECT_DOUBLE_EQ(p.series[0].tolerance, 0.5);
  EXPECT_EQ(p.needed, 64u);
  EXPECT_EQ(p.with_look_ahead, 69u);
  EXPECT_EQ(p.limiting, "x");
  EXPECT_EQ(p.from, 5u);

  // Near zero: {0, 0, 0.2, 0.4, 0.4} has mean 0.2 and s = 0.2. Relative: tol 0.05 × 0.2 = 0.01, s / tol = 20
  // -> 1540. With an absolute tolerance of 0.05: tol = max(0.01, 0.05) = 0.05, s / tol = 4 -> 64.
  const std::vector<PrecisionSeries> near_zero{{"share", {0, 0, 0.2, 0.4, 0.4}}};
  EXPECT_EQ(project_replications(near_zero, {.target = 0.05}).needed, 1540u);
  const std::vector<PrecisionSeries> with_floor{{"share", {0, 0, 0.2, 0.4, 0.4}, 0.05}};
  EXPECT_EQ(project_replications(with_floor, {.target = 0.05}).needed, 64u);

  // Defined in 5 of 6 replications: 64 defined values take ceil(64 × 6 / 5) = 77 replications.
  const std::vector<PrecisionSeries> gaps{{"x", {8, 8, 10, std::nan(""), 12, 12}}};
  EXPECT_EQ(project_replications(gaps, {.target = 0.05}).needed, 77u);

  // Pairs sharing a draw: the pair means are {8, 8, 10, 12, 12}, so 64 pairs, 128 replications; the look-ahead
  // counts pairs too: (64 + 5) × 2.
  const std::vector<PrecisionSeries> pairs{{"x", {8, 8, 8, 8, 10, 10, 12, 12, 12, 12}}};
  const Projection paired = project_replications(pairs, {.target = 0.05, .draw_group = 2});
  EXPECT_EQ(paired.needed, 128u);
  EXPECT_EQ(paired.with_look_ahead, 138u);
}

TEST(PrecisionFormula, TheSeriesThatNeedsMostLimitsAndComesFirst) {
  const std::vector<PrecisionSeries> series{{"quiet", {8, 8, 10, 12, 12}},
                                            {"noisy", {0, 0, 0.2, 0.4, 0.4}},
                                            {"never", std::vector<double>(5, 0.0)}};
  const Projection p = project_replications(series, {.target = 0.05});
  ASSERT_EQ(p.series.size(), 2u);  // "never" is skipped, as the rule skips it
  EXPECT_EQ(p.series[0].key, "noisy");
  EXPECT_EQ(p.series[0].needed, 1540u);
  EXPECT_EQ(p.series[1].needed, 64u);
  EXPECT_EQ(p.limiting, "noisy");
  EXPECT_EQ(p.needed, 1540u);
  EXPECT_EQ(p.with_look_ahead, 1540u + 77u);  // f(1540) = floor(1540 × 5 / 100)
}

TEST(PrecisionFormula, SuggestsACapAndAPrecisionThatFit) {
  // 1,060 needed + f = 53 -> 1,113; plus 10% = 1,224.3, up to two significant digits: 1,300.
  EXPECT_EQ(suggested_max_replications({.needed = 1060, .with_look_ahead = 1113}, {}), 1300u);
  // 95 + 10% = 104.5 -> 110, already whole pairs.
  EXPECT_EQ(suggested_max_replications({.needed = 90, .with_look_ahead = 95}, {.draw_group = 2}), 110u);

  // s = 2, mean 10. Within 30 replications the rule needs n + 5 <= 30, n = 25: t_24 = 2.0639, half-width
  // 2.0639 × 2 / 5 = 0.8256, i.e. P >= 0.08256, up to two significant digits: 0.083.
  const std::vector<PrecisionSeries> x{{"x", {8, 8, 10, 12, 12}}};
  EXPECT_DOUBLE_EQ(precision_within(x, {.target = 0.05}, 69).value(), 0.05);  // 64 + 5 fits as asked
  EXPECT_DOUBLE_EQ(precision_within(x, {.target = 0.05}, 30).value(), 0.083);
  // Mean 0.2, s = 2: even P = 1 (tolerance 0.2, s / tol = 10) needs about 400: no precision fits in 30.
  const std::vector<PrecisionSeries> wild{{"x", {-1.8, -1.8, 0.2, 2.2, 2.2}}};
  EXPECT_FALSE(precision_within(wild, {.target = 0.05}, 30).has_value());
}

// A share as small towns produce it: 0 in 40% of replications, 1/2 in 30%, 1 in 30%. Mean 0.45,
// E[x²] = 0.3 × 0.25 + 0.3 = 0.375, variance 0.375 − 0.2025 = 0.1725, σ = 0.4153. At P = 0.05 the tolerance is
// 0.0225 and the formula asks for about (1.96 × 0.4153 / 0.0225)² ≈ 1,310 replications. The rule stops near it
// (its first crossing, on estimates that wobble by a few percent) and keeps only the look-ahead beyond.
TEST(PrecisionFormula, TheRuleStopsNearTheFormulasCountOnAShareOfKnownVariance) {
  const double sigma = std::sqrt(0.1725);
  const auto expected = static_cast<double>(formula_replications(sigma, 0.05 * 0.45, 0.95));
  ASSERT_NEAR(expected, 1310, 10);
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    sim::RandomStream stream(seed, 0, "precision-share");
    std::vector<double> v(4000);
    for (double& x : v) {
      const double u = boost::random::uniform_real_distribution<double>(0, 1)(stream);
      x = u < 0.4 ? 0.0 : (u < 0.7 ? 0.5 : 1.0);
    }
    const std::vector<PrecisionSeries> series{{"not_arranged_share", v, 0.01}};
    const PrecisionDecision d = decide_precision(series, {.target = 0.05});
    ASSERT_TRUE(d.satisfied) << "seed " << seed;
    EXPECT_NEAR(static_cast<double>(d.solution), expected, 0.15 * expected) << "seed " << seed;
    EXPECT_EQ(d.keep, d.solution + look_ahead(d.solution, 5)) << "seed " << seed;
    // The formula over the replications kept agrees with the one from the true σ.
    EXPECT_NEAR(static_cast<double>(d.projection.needed), expected, 0.15 * expected) << "seed " << seed;
  }
}

TEST(PrecisionFormula, AProjectionFromManyReplicationsFindsTheTrueCount) {
  // Normal(10, 2): at P = 0.01 the tolerance is 0.1, s / tol = 20 -> 1540 from the true σ.
  const std::vector<PrecisionSeries> series{{"x", normal_values(10, 2, 2000, 21)}};
  const Projection p = project_replications(series, {.target = 0.01});
  // s from 2,000 values is within ±3% of σ (its relative standard error is 1/sqrt(2 × 1999) = 1.6%), the mean
  // within ±0.5%, so n ∝ (s / mean)² within about ±7% (two standard errors); ±8% allowed.
  EXPECT_NEAR(static_cast<double>(p.needed), 1540, 0.08 * 1540);
}

TEST(Precision, NotYetSatisfiedItRunsToWhereTheFormulaSaysAtMostDoubling) {
  // Normal(10, 2) at P = 0.01 needs about 1,540 + f = 1,617. From 200 replications: at most 400; from 1,000:
  // the projection (1,540 ± 10%, two standard errors from 1,000 values, plus its look-ahead), not 2,000.
  const std::vector<double> all = normal_values(10, 2, 1000, 22);
  const PrecisionSeries first{"x", std::vector<double>(all.begin(), all.begin() + 200)};
  EXPECT_EQ(decide_precision(std::span(&first, 1), {.target = 0.01}).next_total, 400u);
  const PrecisionSeries most{"x", all};
  const PrecisionDecision d = decide_precision(std::span(&most, 1), {.target = 0.01});
  ASSERT_FALSE(d.satisfied);
  EXPECT_NEAR(static_cast<double>(d.next_total), 1617, 0.10 * 1617);
  EXPECT_EQ(d.next_total, d.projection.with_look_ahead);
}

}  // namespace
}  // namespace kyoten::output
