// Rates and probabilities stated as distributions in scenario files (scenario/uncertain_reader.hpp,
// read_keyed's Dirichlet): the Scenario holds each distribution's mean, the uncertain list says what to draw and
// where it goes, `--set` with a number replaces a distribution, and what `kyoten calibrate` writes loads.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <variant>

#include "calibration/observations.hpp"
#include "calibration/posterior.hpp"
#include "models/hub/parameter_draws.hpp"
#include "scenario/loader.hpp"

namespace kyoten::scenario {
namespace {

namespace fs = std::filesystem;

const fs::path kSource = KYOTEN_SOURCE_DIR;

class UncertainScenario : public ::testing::Test {
 protected:
  fs::path dir_ = fs::temp_directory_path() / ("kyoten_uncertain_" + std::to_string(::getpid()) + "_" +
                                               ::testing::UnitTest::GetInstance()->current_test_info()->name());
  void SetUp() override { fs::create_directories(dir_); }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path write(const std::string& text) {
    const fs::path file = dir_ / "scenario.toml";
    std::ofstream(file) << text;
    return file;
  }
  static std::string base_on(const std::string& relative) {
    return "base = \"" + (kSource / relative).string() + "\"\n";
  }
};

std::vector<std::string> keys_of(const hub::Scenario& s) {
  std::vector<std::string> keys;
  for (const auto& p : s.uncertain) keys.push_back(p.key);
  return keys;
}

TEST_F(UncertainScenario, CalibratedSetagayaHoldsPosteriorMeansAndListsWhatToDraw) {
  const hub::Scenario s = load_scenario(kSource / "scenarios/setagaya-wardwide-calibrated.toml").scenario;
  EXPECT_NEAR(s.calls.per_registrant_per_year, 48.5 / 99, 1e-12);
  EXPECT_NEAR(s.calls.band_share[0], 34.5 / 50, 1e-12);
  EXPECT_NEAR(s.calls.emergency_share[0], 9.5 / 35, 1e-12);
  EXPECT_NEAR(s.calls.need_weights[2], 2.5 / 12.5, 1e-12);
  EXPECT_EQ(keys_of(s), (std::vector<std::string>{"calls.per_registrant_per_year", "calls.band_share",
                                                  "calls.emergency_share.weekday_daytime",
                                                  "calls.emergency_share.weekday_evening",
                                                  "calls.emergency_share.weekday_night",
                                                  "calls.emergency_share.weekend_holiday", "calls.need_weights"}));
  EXPECT_EQ(hub::parameter_names(s).size(), 1u + 4u + 4u + 3u);  // a split draws one value per category
  EXPECT_TRUE(std::holds_alternative<sim::Dirichlet>(s.uncertain[1].law));
}

TEST_F(UncertainScenario, DrawsLandInTheCopyAndSplitsStaySplits) {
  const hub::Scenario s = load_scenario(kSource / "scenarios/setagaya-wardwide-calibrated.toml").scenario;
  std::vector<double> drawn;
  const hub::Scenario copy = hub::draw_parameters(s, 1, 0, drawn);
  EXPECT_EQ(copy.calls.per_registrant_per_year, drawn[0]);
  EXPECT_NE(copy.calls.per_registrant_per_year, s.calls.per_registrant_per_year);
  double total = 0;
  for (int b = 0; b < hub::kTimeBands; ++b) {
    EXPECT_EQ(copy.calls.band_share[b], drawn[1 + b]);
    total += copy.calls.band_share[b];
  }
  EXPECT_NEAR(total, 1.0, 1e-12);
  EXPECT_EQ(copy.calls.emergency_share[3], drawn[8]);
}

TEST_F(UncertainScenario, SetWithANumberReplacesTheDistribution) {
  const hub::Scenario s = load_scenario(kSource / "scenarios/setagaya-wardwide-calibrated.toml",
                                        {"calls.per_registrant_per_year=0.5",
                                         "calls.emergency_share.weekday_night=0.2"})
                              .scenario;
  EXPECT_EQ(s.calls.per_registrant_per_year, 0.5);
  EXPECT_EQ(s.calls.emergency_share[2], 0.2);
  const auto keys = keys_of(s);
  EXPECT_EQ(std::count(keys.begin(), keys.end(), "calls.per_registrant_per_year"), 0);
  EXPECT_EQ(std::count(keys.begin(), keys.end(), "calls.emergency_share.weekday_night"), 0);
  EXPECT_EQ(keys.size(), 5u);
}

TEST_F(UncertainScenario, PlainScenariosHaveNothingToDraw) {
  EXPECT_TRUE(load_scenario(kSource / "scenarios/setagaya-wardwide.toml").scenario.uncertain.empty());
}

TEST_F(UncertainScenario, ADistributionInFacilityDefaultsIsDrawnPerFacility) {
  const fs::path file = write(base_on("tests/data/bad_scenarios/_valid_base.toml") +
                              "[facility_defaults]\nplanned_occupancy = { dist = \"beta\", a = 8, b = 2 }\n"
                              "[facility_defaults.acceptance]\n"
                              "known_factor = { dist = \"lognormal\", mean = 1.5, sd = 0.3 }\n");
  const hub::Scenario s = load_scenario(file).scenario;
  EXPECT_NEAR(s.facilities[1].planned_occupancy, 0.8, 1e-12);
  EXPECT_NEAR(s.facilities[2].acceptance.known_factor, 1.5, 1e-12);
  const auto keys = keys_of(s);
  EXPECT_EQ(std::count(keys.begin(), keys.end(), "facilities[2].planned_occupancy"), 1) << keys.size();
  EXPECT_EQ(std::count(keys.begin(), keys.end(), "facilities[0].acceptance.known_factor"), 1);
  std::vector<double> drawn;
  const hub::Scenario copy = hub::draw_parameters(s, 3, 0, drawn);
  EXPECT_NE(copy.facilities[0].planned_occupancy, copy.facilities[1].planned_occupancy);
  EXPECT_GE(copy.facilities[2].planned_occupancy, 0.0);
  EXPECT_LE(copy.facilities[2].planned_occupancy, 1.0);
}

TEST_F(UncertainScenario, AGrowthKnotStatedAsADistributionIsDrawnIntoThePath) {
  const fs::path file = write(base_on("tests/data/bad_scenarios/_valid_base.toml") +
                              "[registration]\nexpected_registered = [[\"2024-04-01\", 100], "
                              "[\"2025-04-01\", { dist = \"gamma\", shape = 100, scale = 2 }]]\n");
  const hub::Scenario s = load_scenario(file).scenario;
  EXPECT_EQ(s.registration.expected_registered[1].second, 200);  // the mean
  EXPECT_EQ(keys_of(s), std::vector<std::string>{"registration.expected_registered[1]"});
  EXPECT_TRUE(s.registration.initial_registrants_follow_path);
  std::vector<double> drawn;
  const hub::Scenario copy = hub::draw_parameters(s, 3, 0, drawn);
  ASSERT_EQ(drawn.size(), 1u);
  EXPECT_EQ(copy.registration.expected_registered[1].second, drawn[0]);
  EXPECT_EQ(copy.registration.expected_registered[0].second, 100);  // a plain knot stays
}

TEST_F(UncertainScenario, ConstantDistributionIsJustANumber) {
  const fs::path file = write(base_on("tests/data/bad_scenarios/_valid_base.toml") +
                              "[calls]\np_handover = { dist = \"constant\", value = 0.1 }\n"
                              "handover_minutes = 30\n");
  const hub::Scenario s = load_scenario(file).scenario;
  EXPECT_EQ(s.calls.p_handover, 0.1);
  EXPECT_TRUE(s.uncertain.empty());
}

TEST_F(UncertainScenario, CalibrateFragmentMergedIntoAScenarioLoads) {
  const auto obs = calibration::read_observations(kSource / "scenarios/observations/setagaya-fy2023.toml");
  const std::string fragment = calibration::scenario_fragment(obs, calibration::calibrate(obs));
  const fs::path file = write(base_on("scenarios/setagaya-wardwide.toml") + fragment);
  const hub::Scenario s = load_scenario(file).scenario;
  EXPECT_NEAR(s.calls.per_registrant_per_year, 48.5 / 99, 1e-12);
  EXPECT_EQ(keys_of(s).size(), 7u);
  const hub::Scenario shipped = load_scenario(kSource / "scenarios/setagaya-wardwide-calibrated.toml").scenario;
  EXPECT_EQ(hub::parameter_names(s), hub::parameter_names(shipped));  // the shipped file is that fragment
}

}  // namespace
}  // namespace kyoten::scenario
