// kyoten calibrate's arithmetic and its observations reader: conjugate posteriors against hand-worked values,
// the shipped Setagaya observations, and bad files reported in the scenario loader's style.
#include <gtest/gtest.h>

#include <algorithm>

#include "calibration/observations.hpp"
#include "calibration/posterior.hpp"
#include "scenario/input_error.hpp"

namespace kyoten::calibration {
namespace {

std::string source(const std::string& relative) { return std::string(KYOTEN_SOURCE_DIR) + "/" + relative; }

TEST(CalibrationPosterior, GammaPoissonWithJeffreysPrior) {
  const GammaPosterior g = rate_posterior(48, 99.0, Priors{});
  EXPECT_DOUBLE_EQ(g.shape, 48.5);
  EXPECT_DOUBLE_EQ(g.rate, 99.0);
  EXPECT_NEAR(g.mean(), 48.5 / 99.0, 1e-12);
  // 48 events: the 95% interval for the expected count is roughly 35 to 63 (docs/uncertainty.md).
  const Interval ci = g.interval();
  EXPECT_NEAR(ci.low * 99.0, 35.6, 0.5);
  EXPECT_NEAR(ci.high * 99.0, 63.0, 0.5);
}

TEST(CalibrationPosterior, BetaAndDirichletMarginals) {
  const BetaPosterior b = probability_posterior(0, 5, Priors{});
  EXPECT_DOUBLE_EQ(b.a, 0.5);
  EXPECT_DOUBLE_EQ(b.b, 5.5);
  EXPECT_GT(b.interval().high, 0.2);  // none in 5 calls does not mean "never"
  EXPECT_DOUBLE_EQ(b.interval().low, b.interval().low);

  const DirichletPosterior d = split_posterior({34, 5, 2, 7}, Priors{});
  EXPECT_DOUBLE_EQ(d.total(), 50.0);
  EXPECT_DOUBLE_EQ(d.marginal(0).a, 34.5);
  EXPECT_DOUBLE_EQ(d.marginal(0).b, 15.5);
  double sum = 0;
  for (std::size_t i = 0; i < 4; ++i) sum += d.marginal(i).mean();
  EXPECT_NEAR(sum, 1.0, 1e-12);
}

TEST(CalibrationPosterior, ShippedSetagayaObservations) {
  const Observations obs = read_observations(source("scenarios/observations/setagaya-fy2023.toml"));
  EXPECT_EQ(obs.calls, 48);
  EXPECT_DOUBLE_EQ(obs.registrant_years, 99.0);
  EXPECT_EQ(obs.emergencies(), 11);
  EXPECT_NEAR(obs.years(), 1.0, 0.001);
  const Calibration c = calibrate(obs);
  EXPECT_DOUBLE_EQ(c.calls_rate.shape, 48.5);
  EXPECT_DOUBLE_EQ(c.calls_rate.rate, 99.0);
  EXPECT_DOUBLE_EQ(c.emergency_share[0].a, 9.5);   // 9 of 34 weekday-daytime calls
  EXPECT_DOUBLE_EQ(c.emergency_share[0].b, 25.5);
  EXPECT_DOUBLE_EQ(c.need.alpha[2], 2.5);          // both: 2
  const std::string fragment = scenario_fragment(obs, c);
  EXPECT_NE(fragment.find("per_registrant_per_year = { dist = \"gamma\", shape = 48.5, rate = 99 }"), std::string::npos)
      << fragment;
  EXPECT_NE(fragment.find("band_share = { dist = \"dirichlet\", weekday_daytime = 34.5"), std::string::npos)
      << fragment;
  EXPECT_NE(fragment.find("weekday_daytime = { dist = \"beta\", a = 9.5, b = 25.5 }"), std::string::npos) << fragment;
  EXPECT_EQ(fragment.find("loader does not accept"), std::string::npos) << fragment;
  EXPECT_EQ(c.rows.front().parameter, "calls.per_registrant_per_year");
  EXPECT_EQ(c.rows.front().observed, "48 / 99 registrant-years");  // 48 registrant calls over 99 registrant-years
  EXPECT_EQ(c.rows.front().observed_ja, "48 / 99 登録者・年");
}

std::vector<InputError> errors_of(const std::string& file) {
  try {
    read_observations(source(file));
  } catch (const InputErrors& e) {
    return e.errors();
  }
  return {};
}

bool has_error(const std::vector<InputError>& errors, const std::string& key, int line, const std::string& words) {
  return std::any_of(errors.begin(), errors.end(), [&](const InputError& e) {
    return e.key == key && e.line == line && (e.message + " " + e.hint).find(words) != std::string::npos;
  });
}

TEST(CalibrationObservations, BadFileListsEveryProblemWithItsPosition) {
  const auto errors = errors_of("tests/data/observations/bad-counts.toml");
  std::string all;
  for (const auto& e : errors) all += e.format() + "\n";
  EXPECT_TRUE(has_error(errors, "period.end", 4, "after")) << all;
  EXPECT_TRUE(has_error(errors, "calls.registrant_years", 8, "> 0")) << all;
  EXPECT_TRUE(has_error(errors, "calls.by_band.weekend_holliday", 9, "weekend_holiday")) << all;  // did you mean
  EXPECT_TRUE(has_error(errors, "emergencies.by_band", 12, "more emergencies than calls")) << all;
  EXPECT_TRUE(has_error(errors, "emergencies.by_need.both", 13, ">= 0")) << all;
  EXPECT_TRUE(has_error(errors, "priors.rate.shape", 16, "> 0")) << all;
  for (const auto& e : errors) EXPECT_GT(e.column, 0) << e.format();
}

TEST(CalibrationObservations, SyntaxErrorAndMissingFile) {
  auto errors = errors_of("tests/data/observations/syntax-error.toml");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].line, 3);
  EXPECT_NE(errors[0].message.find("TOML syntax error"), std::string::npos);
  errors = errors_of("tests/data/observations/no-such-file.toml");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].message.find("cannot open"), std::string::npos);
}

}  // namespace
}  // namespace kyoten::calibration
