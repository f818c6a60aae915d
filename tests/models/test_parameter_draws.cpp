// Per-replication parameter draws (models/hub/parameter_draws.hpp) against closed forms. With N registrants and a
// call rate λ ~ Gamma(a, rate b) per registrant-year over an exposure of N·T registrant-years, a year's calls are
// negative binomial: mean m = N T a / b, stochastic variance E[Var | λ] = m, parameter variance
// Var[N T λ] = (N T)² a / b². A probability p ~ Beta(a, b) of a call being an emergency thins Poisson calls:
// emergencies in band k given p_k are Poisson(m s_k p_k), so the stochastic variance is m E[p] and the
// parameter variance m² Var[p] Σ s_k² (the bands draw independently).
//
// Tolerances: K pairs, stochastic variance S, parameter variance P, near-normal outputs. The stochastic
// estimate (mean of (y_a − y_b)²/2 = S χ²₁) has s.e. sqrt(2/K) S; the parameter estimate (total − stochastic ≈
// variance of the pair means − stochastic / 2, independent parts) has s.e. sqrt((2 (P + S/2)² + S²/2) / K); the
// mean has s.e. sqrt((P + S/2) / K). Each check allows 4 standard errors.
#include "models/hub/parameter_draws.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "hub_fixture.hpp"
#include "models/hub/hub_model.hpp"
#include "models/hub/hub_simulation.hpp"
#include "output/summary.hpp"
#include "sim/stats/variance_split.hpp"

namespace kyoten::hub {
namespace {

constexpr std::size_t kCalls = kpi_index("calls");
constexpr std::size_t kEmergencies = kpi_index("emergencies");
// One 365-day year of a rate stated per 365.25-day year (models/hub/hub_simulation.cpp).
constexpr double kYears = 365.0 / 365.25;

std::vector<double> kpi_over(const Scenario& sc, std::size_t replications, std::size_t kpi, std::uint64_t seed) {
  std::vector<double> values;
  for (std::size_t r = 0; r < replications; ++r) values.push_back(simulate_replication(sc, seed, r).kpi[kpi]);
  return values;
}

struct Expected {
  double mean, stochastic, parameter;
};

void expect_split(const std::vector<double>& y, const Expected& e) {
  const double pairs = static_cast<double>(y.size() / 2);
  const sim::VarianceSplit v = sim::pair_variance_split(y);
  double mean = 0;
  for (double x : y) mean += x / static_cast<double>(y.size());
  const double S = e.stochastic, P = e.parameter;
  EXPECT_NEAR(mean, e.mean, 4 * std::sqrt((P + S / 2) / pairs));
  EXPECT_NEAR(v.stochastic, S, 4 * std::sqrt(2 / pairs) * S);
  EXPECT_NEAR(v.parameter, P, 4 * std::sqrt((2 * (P + S / 2) * (P + S / 2) + S * S / 2) / pairs));
  EXPECT_NEAR(v.parameter_share, P / (P + S), 0.1);
}

Scenario with_gamma_call_rate(double a, double b) {
  Scenario sc = testing::minimal_scenario();
  sc.calls.per_registrant_per_year = a / b;  // the point value is the mean
  sc.uncertain.push_back({"calls.per_registrant_per_year",
                          {"calls.per_registrant_per_year"},
                          {[](Scenario& s) -> double& { return s.calls.per_registrant_per_year; }},
                          sim::Distribution(sim::Gamma{a, 1.0 / b})});
  return sc;
}

TEST(ParameterDraws, GammaCallRateGivesTheNegativeBinomialVarianceSplit) {
  const double a = 100, b = 100, n = 100;  // λ ≈ 1 ± 0.1: both parts of the variance near 100
  const Scenario sc = with_gamma_call_rate(a, b);
  const std::vector<double> calls = kpi_over(sc, 4000, kCalls, 11);
  const double m = n * kYears * a / b;
  expect_split(calls, {m, m, (n * kYears) * (n * kYears) * a / (b * b)});
}

TEST(ParameterDraws, BetaEmergencyShareGivesTheThinnedPoissonVarianceSplit) {
  const double a = 5, b = 5;
  Scenario sc = testing::minimal_scenario();
  for (int k = 0; k < kTimeBands; ++k) {
    sc.calls.emergency_share[k] = a / (a + b);
    sc.uncertain.push_back({"calls.emergency_share." + std::string(kTimeBandKeys[k]),
                            {"calls.emergency_share." + std::string(kTimeBandKeys[k])},
                            {[k](Scenario& s) -> double& { return s.calls.emergency_share[k]; }},
                            sim::Distribution(sim::Beta{a, b})});
  }
  const std::vector<double> emergencies = kpi_over(sc, 4000, kEmergencies, 12);
  const double m = 100 * kYears;  // calls in the year
  double sum_sq = 0;
  for (double s : sc.calls.band_share) sum_sq += s * s;
  const double p = a / (a + b), var_p = a * b / ((a + b) * (a + b) * (a + b + 1));
  expect_split(emergencies, {m * p, m * p, m * m * var_p * sum_sq});
}

TEST(ParameterDraws, AnUncertainGrowthKnotAddsItsVarianceToTheRegistrants) {
  // The path rises from 0 at the start to a knot X ~ Gamma(a, scale θ) one year later; nobody leaves. Given X,
  // registrations are Poisson with mean X (the integral of the path's slope), so at the knot's date the
  // registrants N have mean aθ, stochastic variance E[X] = aθ and parameter variance Var[X] = aθ².
  const double a = 100, theta = 2;
  Scenario sc = testing::minimal_scenario();
  sc.calls.per_registrant_per_year = 0;
  sc.registration.initial_registrants = 0;
  sc.registration.initial_registrants_follow_path = true;  // the drawn path starts at 0: nobody at the start
  sc.registration.expected_registered = {{sc.horizon.start, 0}, {sc.horizon.end, a * theta}};
  sc.uncertain.push_back({"registration.expected_registered[1]",
                          {"registration.expected_registered[1]"},
                          {[](Scenario& s) -> double& { return s.registration.expected_registered[1].second; }},
                          sim::Distribution(sim::Gamma{a, theta})});
  const std::vector<double> registrants = kpi_over(sc, 4000, kpi_index("registrants_end"), 13);
  expect_split(registrants, {a * theta, a * theta, a * theta * theta});
}

TEST(ParameterDraws, ReplicationPairsShareOneDrawAndRecordIt) {
  const Scenario sc = with_gamma_call_rate(4, 4);
  const ReplicationResult r0 = simulate_replication(sc, 5, 0), r1 = simulate_replication(sc, 5, 1),
                          r2 = simulate_replication(sc, 5, 2);
  ASSERT_EQ(r0.parameters.size(), 1u);
  EXPECT_EQ(r0.parameters, r1.parameters);
  EXPECT_NE(r0.parameters, r2.parameters);
  EXPECT_NE(r0.kpi[kCalls], r1.kpi[kCalls]);  // same rate, different chance
  EXPECT_EQ(parameter_names(sc), std::vector<std::string>{"calls.per_registrant_per_year"});
  // The draw is a pure function of (seed, pair): the same whatever else ran before.
  EXPECT_EQ(simulate_replication(sc, 5, 3).parameters, r2.parameters);
}

TEST(ParameterDraws, WithoutUncertainParametersResultsAreTheUndrawnModelsBitForBit) {
  const Scenario sc = testing::minimal_scenario();
  EXPECT_EQ(replications_per_draw(sc), 1u);
  EXPECT_EQ(whole_draws(sc, 7), 7u);
  for (std::uint64_t r = 0; r < 4; ++r) {
    const ReplicationResult drawn = simulate_replication(sc, 9, r);
    const ReplicationResult direct = HubSimulation(sc, 9, r).run();
    for (std::size_t k = 0; k < kKpiCount; ++k) {
      if (!std::isnan(direct.kpi[k])) {
        EXPECT_EQ(drawn.kpi[k], direct.kpi[k]) << kKpis[k].key;
      }
    }
    EXPECT_TRUE(drawn.parameters.empty());
  }
}

TEST(ParameterDraws, SummaryReportsTheSplitOnlyWhenParametersAreDrawn) {
  const Scenario plain = testing::minimal_scenario();
  std::vector<ReplicationResult> results;
  for (std::uint64_t r = 0; r < 6; ++r) results.push_back(simulate_replication(plain, 1, r));
  const output::RunSummary none = output::summarise(results, plain.budget, 0.95, replications_per_draw(plain));
  EXPECT_EQ(none.draw_group, 1u);
  EXPECT_TRUE(none.variance_split.empty());  // not applicable: parameter variance is 0 by construction

  const Scenario uncertain = with_gamma_call_rate(4, 4);
  EXPECT_EQ(whole_draws(uncertain, 7), 8u);
  results.clear();
  for (std::uint64_t r = 0; r < 8; ++r) results.push_back(simulate_replication(uncertain, 1, r));
  const output::RunSummary split = output::summarise(results, uncertain.budget, 0.95, 2);
  EXPECT_EQ(split.kpis[kCalls].stat.n, 8u);  // n counts replications with a value
  EXPECT_FALSE(split.variance_split.empty());
  EXPECT_EQ(split.variance_split[1].key, "calls");
  EXPECT_EQ(split.variance_split[1].split.pairs, 4u);
}

}  // namespace
}  // namespace kyoten::hub
