// Issue 6's acceptance: Setagaya's trial year calibrated (scenarios/setagaya-wardwide-calibrated.toml, the
// posteriors `kyoten calibrate scenarios/observations/setagaya-fy2023.toml` writes) makes the ward-wide FY2024
// forecast band visibly wider than the same model run on the posterior means, by about what the negative
// binomial predicts, and the variance split says the parameters dominate for calls.
//
// Prediction for calls: with the rate's posterior Gamma(a = 48.5, ·), calls given the rate are (near) Poisson
// with mean μ, so the variance grows from μ to μ + μ²/a and any central band widens by sqrt((μ + μ²/a) / μ)
// (normal approximation; registrations add a little variance to both runs). 400 replications per run: a p5–p95
// width is then known to about ±7 %, the ratio of two to about ±10 %; the check allows ±20 %.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <variant>
#include <vector>

#include "models/hub/hub_model.hpp"
#include "models/hub/parameter_draws.hpp"
#include "output/summary.hpp"
#include "scenario/loader.hpp"
#include "sim/run/replication_runner.hpp"

namespace kyoten::hub {
namespace {

constexpr std::size_t kCallsIndex = kpi_index("calls");
constexpr std::size_t kEmergenciesIndex = kpi_index("emergencies");
constexpr std::size_t kReplicationsPerScenario = 400;
constexpr double kRateShape = 48.5;  // Gamma(48.5, 99): 48 calls over 99 registrant-years, Jeffreys prior

double quantile_type7(std::vector<double> v, double p) {  // type 7, as numpy's default
  std::sort(v.begin(), v.end());
  const double h = p * static_cast<double>(v.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (h - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

double band_width(const std::vector<double>& v) { return quantile_type7(v, 0.95) - quantile_type7(v, 0.05); }

std::vector<ReplicationResult> replicate(const Scenario& sc) {
  return sim::run_replications(0, kReplicationsPerScenario, 2,
                               [&](std::size_t r) { return simulate_replication(sc, 2024, r); });
}

std::vector<double> column(const std::vector<ReplicationResult>& results, std::size_t kpi) {
  std::vector<double> v;
  for (const auto& r : results) v.push_back(r.kpi[kpi]);
  return v;
}

TEST(CalibratedForecast, Fy2024BandIsWiderThanWithPointEstimatesAsTheNegativeBinomialPredicts) {
  // FY2024 only (the horizon cut with --set, as a planner would), to keep the test short.
  const auto loaded = scenario::load_scenario(
      std::string(KYOTEN_SOURCE_DIR) + "/scenarios/setagaya-wardwide-calibrated.toml", {"horizon.end=2025-04-01"});
  const Scenario& calibrated = loaded.scenario;
  ASSERT_EQ(replications_per_draw(calibrated), 2u);
  Scenario point = calibrated;  // the loader stored each distribution's mean: the posterior-mean model
  point.uncertain.clear();

  const auto with_draws = replicate(calibrated), at_means = replicate(point);
  const std::vector<double> calls_point = column(at_means, kCallsIndex), calls_drawn = column(with_draws, kCallsIndex);
  double mu = 0;
  for (double c : calls_point) mu += c / static_cast<double>(calls_point.size());
  const double predicted = std::sqrt((mu + mu * mu / kRateShape) / mu);
  const double ratio = band_width(calls_drawn) / band_width(calls_point);
  EXPECT_GT(ratio, 1.5);
  EXPECT_NEAR(ratio, predicted, 0.2 * predicted) << "mu " << mu;

  // Emergencies carry the emergency-share and band-split posteriors as well.
  EXPECT_GT(band_width(column(with_draws, kEmergenciesIndex)) / band_width(column(at_means, kEmergenciesIndex)), 1.5);

  // The variance split: the parameter part dominates calls (predicted share (μ²/a) / (μ + μ²/a)).
  const output::RunSummary summary = output::summarise(with_draws, calibrated.budget, 0.95, 2);
  const auto calls_split = std::find_if(summary.variance_split.begin(), summary.variance_split.end(),
                                        [](const auto& v) { return v.key == "calls"; });
  ASSERT_NE(calls_split, summary.variance_split.end());
  const double predicted_share = (mu * mu / kRateShape) / (mu + mu * mu / kRateShape);
  EXPECT_GT(calls_split->split.parameter_share, 0.5);
  EXPECT_NEAR(calls_split->split.parameter_share, predicted_share, 0.15);
  // Without draws the split is not estimated at all.
  EXPECT_TRUE(output::summarise(at_means, point.budget, 0.95, replications_per_draw(point)).variance_split.empty());
}

}  // namespace
}  // namespace kyoten::hub
