// Every scenario shipped in scenarios/ loads without error, and the Setagaya baseline carries the seed's
// figures (seed 000 別紙1, 別紙2, 5.).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <numeric>

#include "scenario/loader.hpp"

namespace {

namespace fs = std::filesystem;
using kyoten::scenario::load_scenario;

const fs::path kScenarios = fs::path(KYOTEN_SOURCE_DIR) / "scenarios";

std::vector<fs::path> shipped() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(kScenarios))
    if (entry.path().extension() == ".toml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

class ShippedScenario : public ::testing::TestWithParam<fs::path> {};

TEST_P(ShippedScenario, LoadsWithoutError) {
  try {
    const auto loaded = load_scenario(GetParam());
    const auto& s = loaded.scenario;
    EXPECT_EQ(s.meta.name, GetParam().stem().string()) << "meta.name should match the file name";
    EXPECT_LT(s.horizon.start, s.horizon.end);
    EXPECT_FALSE(s.centers.empty());
    // Every center serves regions the scenario has (a line that only takes overflow serves none, and a region
    // may have no center of its own: small-town's neighbouring city only holds facilities).
    for (const auto& c : s.centers)
      for (int r : c.regions) EXPECT_LT(static_cast<std::size_t>(r), s.regions.size()) << c.name;
    // The resolved scenario written into summary.json is JSON naming the same scenario.
    const auto resolved = nlohmann::json::parse(kyoten::scenario::resolved_as_json(loaded));
    EXPECT_EQ(resolved["meta"]["name"], s.meta.name);
    // The file lists the facilities in service from the start; those joining at a dated change follow them.
    const auto from_start = std::count_if(s.facilities.begin(), s.facilities.end(), [](const auto& f) {
      return f.in_service;
    });
    EXPECT_EQ(resolved["facilities"].size(), static_cast<std::size_t>(from_start));
  } catch (const kyoten::InputErrors& e) {
    FAIL() << e.what();
  }
}

INSTANTIATE_TEST_SUITE_P(Scenarios, ShippedScenario, ::testing::ValuesIn(shipped()),
                         [](const ::testing::TestParamInfo<fs::path>& info) {
                           std::string name = info.param.stem().string();
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

// One scenario per seed system, each with that system's shape: its regions, centers and facilities as the
// scenario files state them (seed 001 Nishitokyo: three areas each with a center; seed 002 Itabashi: five
// welfare-office areas; seed 003: one town with facilities in the neighbouring city).
TEST(ShippedScenarios, OnePerSeedSystemWithItsOwnShape) {
  struct Shape {
    const char* name;
    std::size_t regions, centers, facilities;
    int hub_rooms;
  };
  for (const Shape& want : {Shape{"nishitokyo", 3, 3, 3, 0}, Shape{"itabashi", 5, 5, 3, 0},
                            Shape{"small-town", 2, 1, 2, 0}, Shape{"large-city-hub", 5, 1, 10, 3},
                            Shape{"setagaya-fy2023", 5, 1, 9, 0}}) {
    const auto s = load_scenario(kScenarios / (std::string(want.name) + ".toml")).scenario;
    EXPECT_EQ(s.regions.size(), want.regions) << want.name;
    EXPECT_EQ(s.centers.size(), want.centers) << want.name;
    EXPECT_EQ(s.facilities.size(), want.facilities) << want.name;
    EXPECT_EQ(s.hub.rooms, want.hub_rooms) << want.name;
  }
  const auto nishitokyo = load_scenario(kScenarios / "nishitokyo.toml").scenario;
  EXPECT_EQ(nishitokyo.horizon.start, std::chrono::sys_days{std::chrono::year{2024} / 4 / 1});
  EXPECT_EQ(nishitokyo.horizon.end, std::chrono::sys_days{std::chrono::year{2026} / 4 / 1});  // two fiscal years
  EXPECT_EQ(nishitokyo.regions[0].name, "北部");
}

TEST(ShippedScenarios, SetagayaTrialCarriesTheSeedFigures) {
  const auto s = load_scenario(kScenarios / "setagaya-fy2023.toml").scenario;
  std::vector<double> weights;
  for (const auto& r : s.regions) weights.push_back(r.registrant_weight);
  EXPECT_EQ(weights, (std::vector<double>{38, 104, 24, 16, 16}));
  EXPECT_EQ(s.facilities.size(), 9u);
  EXPECT_DOUBLE_EQ(s.registration.expected_registered[1].second, 198);
  EXPECT_EQ(s.registration.expected_registered[1].first,
            std::chrono::sys_days{std::chrono::year{2023} / 9 / 26});
  // 48 calls: 34 weekday daytime, 5 evening, 2 night, 7 weekend.
  EXPECT_NEAR(s.calls.band_share[1] * 48, 5, 1e-4);
  EXPECT_NEAR(s.calls.band_share[2] * 48, 2, 1e-4);
  EXPECT_NEAR(s.calls.band_share[3] * 48, 7, 1e-4);
  EXPECT_DOUBLE_EQ(s.calls.emergency_share[1], 0);  // no emergency after 17:15
  ASSERT_EQ(s.centers.size(), 1u);
  for (int staff : s.centers[0].staff.hour_of_week) EXPECT_EQ(staff, 2);  // 常時2名体制
  for (int staff : s.centers[0].staff.holiday) EXPECT_EQ(staff, 2);
  const auto center_2023 = std::find_if(s.budget.lines.begin(), s.budget.lines.end(),
                                        [](const auto& l) { return l.fiscal_year == 2023 && l.line == "center"; });
  ASSERT_NE(center_2023, s.budget.lines.end());
  EXPECT_DOUBLE_EQ(center_2023->yen, 53'532'000);
}

TEST(ShippedScenarios, WardwideInheritsTheTrialAndStrengthensStaff) {
  const auto s = load_scenario(kScenarios / "setagaya-wardwide.toml").scenario;
  EXPECT_EQ(s.facilities.size(), 9u);  // inherited from the base
  EXPECT_EQ(s.horizon.start, std::chrono::sys_days{std::chrono::year{2024} / 4 / 1});
  EXPECT_EQ(s.centers[0].staff.hour_of_week[10], 3);            // Monday 10:00
  EXPECT_EQ(s.centers[0].staff.hour_of_week[5 * 24 + 10], 2);   // Saturday 10:00
  EXPECT_EQ(s.registration.initial_registrants, 300);
  EXPECT_EQ(s.budget.lines.size(), 5u);  // the trial's lines replaced by FY2024's
}

TEST(ShippedScenarios, SmallTownAndItabashiLeaveHoursToWait) {
  const auto town = load_scenario(kScenarios / "small-town.toml").scenario;
  EXPECT_EQ(town.centers[0].staff.hour_of_week[5 * 24 + 10], 0);  // no weekend coordinator
  for (const auto& f : town.facilities) EXPECT_FALSE(f.medical_care);
  const auto itabashi = load_scenario(kScenarios / "itabashi.toml").scenario;
  const auto& line = itabashi.centers.back();
  EXPECT_EQ(line.staff.hour_of_week[5 * 24 + 10], 0);  // Saturday daytime: nobody
  EXPECT_EQ(line.staff.hour_of_week[6 * 24 + 10], 1);  // Sunday daytime
  EXPECT_EQ(line.staff.hour_of_week[2 * 24 + 23], 1);  // Wednesday night
}

TEST(ShippedScenarios, LargeCityCurvePassesItsStatedPoint) {
  const auto s = load_scenario(kScenarios / "large-city-hub.toml").scenario;
  EXPECT_EQ(s.hub.rooms, 3);
  const auto& knots = s.registration.expected_registered;
  const auto april_2025 = std::find_if(knots.begin(), knots.end(), [](const auto& k) {
    return k.first == std::chrono::sys_days{std::chrono::year{2025} / 4 / 1};
  });
  ASSERT_NE(april_2025, knots.end());
  EXPECT_NEAR(april_2025->second, 900, 3);  // through ["2025-03-31", 900], one day later
}

}  // namespace
