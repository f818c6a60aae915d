// Names in scenario files resolve to indices (regions, centers, age bands, fallbacks), misspellings get a
// did-you-mean, and keys left out take the documented defaults (scenarios/README.md).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <variant>

#include "scenario/did_you_mean.hpp"
#include "scenario/loader.hpp"

namespace {

namespace fs = std::filesystem;
using kyoten::hub::Fallback;

class Resolution : public ::testing::Test {
 protected:
  fs::path dir_ = fs::temp_directory_path() / ("kyoten_resolution_" + std::to_string(::getpid()) + "_" +
                                               ::testing::UnitTest::GetInstance()->current_test_info()->name());
  void SetUp() override { fs::create_directories(dir_); }
  void TearDown() override { fs::remove_all(dir_); }
  kyoten::hub::Scenario load(const std::string& text) {
    const fs::path base = fs::path(KYOTEN_SOURCE_DIR) / "tests" / "data" / "bad_scenarios" / "_valid_base.toml";
    std::ofstream(dir_ / "s.toml") << "base = \"" << base.string() << "\"\n" << text;
    return kyoten::scenario::load_scenario(dir_ / "s.toml").scenario;
  }
};

TEST_F(Resolution, NamesBecomeIndices) {
  const auto s = load(R"(
[[regions]]
name = "北沢"
[[regions]]
name = "世田谷"
[[regions]]
name = "玉川"

[[centers]]
name = "day office"
regions = ["玉川", "北沢"]
staff = [ { days = "weekdays", from = 9, to = 17 } ]
overflow = ["backup"]
staff_cost_per_hour_yen = 2000

[[centers]]
name = "backup"
regions = ["世田谷"]
staff = [ { days = "all", from = 0, to = 24 } ]
staff_cost_per_hour_yen = 2000

[[facilities]]
name = "X"
region = "玉川"
beds = 2

[registration.attributes]
age_bands = { "65+" = 1, "00-17" = 2, "18-64" = 7 }
child_age_bands = ["00-17"]

[hub]
rooms = 2

[search]
fallbacks = ["hand_over", "hub_room"]
)");
  ASSERT_EQ(s.centers.size(), 2u);
  EXPECT_EQ(s.centers[0].regions, (std::vector<int>{2, 0}));
  EXPECT_EQ(s.centers[0].overflow, (std::vector<int>{1}));
  EXPECT_EQ(s.centers[1].regions, (std::vector<int>{1}));
  EXPECT_EQ(s.facilities[0].region, 2);
  // Age bands are kept in name order (TOML tables are unordered).
  EXPECT_EQ(s.registration.attributes.age_band_names, (std::vector<std::string>{"00-17", "18-64", "65+"}));
  EXPECT_EQ(s.registration.attributes.age_band_weights, (std::vector<double>{2, 7, 1}));
  EXPECT_EQ(s.registration.attributes.child_age_bands, (std::vector<int>{0}));
  EXPECT_EQ(s.search.fallbacks, (std::vector<Fallback>{Fallback::HandOver, Fallback::HubRoom}));
}

TEST_F(Resolution, DefaultsForKeysLeftOut) {
  const auto s = load("");
  EXPECT_DOUBLE_EQ(s.horizon.warmup_days, 0);
  EXPECT_EQ(s.registration.initial_registrants, 100);  // the expected count at the horizon's start
  EXPECT_EQ(s.registration.attributes.age_band_names, (std::vector<std::string>{"all"}));
  EXPECT_DOUBLE_EQ(s.assessment.grace_days, 30);
  EXPECT_DOUBLE_EQ(s.assessment.extra_grace_days, 0);
  EXPECT_DOUBLE_EQ(s.assessment.reassessment_interval_days, 365);
  EXPECT_DOUBLE_EQ(s.calls.unregistered_per_year, 0);
  EXPECT_EQ(s.calls.band_hours.evening_start, 17);
  for (double w : s.calls.cause_weights) EXPECT_DOUBLE_EQ(w, 1);
  EXPECT_DOUBLE_EQ(s.calls.need_weights[2], 0);  // "both" left out of need_weights
  EXPECT_DOUBLE_EQ(s.centers[0].night_premium, 0.25);
  EXPECT_DOUBLE_EQ(s.centers[0].holiday_premium, 0.35);
  EXPECT_FALSE(s.centers[0].on_call_delay_hours.has_value());
  const auto& f = s.facilities[0];
  EXPECT_EQ(f.reserved_emergency_beds, 0);
  EXPECT_TRUE(f.children);
  EXPECT_DOUBLE_EQ(f.planned_stay_days.mean(), 5.5);
  EXPECT_TRUE(std::holds_alternative<kyoten::sim::LogNormal>(f.planned_stay_days.spec()));
  EXPECT_DOUBLE_EQ(f.planned_occupancy, 0.8);  // from [facility_defaults]
  EXPECT_DOUBLE_EQ(f.acceptance.known_factor, 1);
  EXPECT_DOUBLE_EQ(s.stays.emergency_need_days.mean(), 3.5);  // uniform 3–4 days (seed 000)
  EXPECT_EQ(s.hub.rooms, 0);
  EXPECT_EQ(s.search.max_contacts, 10);
  EXPECT_DOUBLE_EQ(s.search.max_search_hours, 6);
  EXPECT_EQ(s.search.fallbacks, (std::vector<Fallback>{Fallback::HandOver}));  // the only one available
  EXPECT_EQ(s.home_support.supporters, 0);
  for (bool b : s.home_support.can_start) EXPECT_TRUE(b);
  EXPECT_FALSE(s.elderly_care.agreement);
  EXPECT_DOUBLE_EQ(s.experience.lead_days, 14);
  EXPECT_TRUE(s.budget.lines.empty());
}

TEST_F(Resolution, DefaultFallbacksFollowWhatTheScenarioHas) {
  const auto s = load(R"(
[hub]
rooms = 1
[home_support]
supporters = 2
dispatch_hours = 8
start_hours = [[22, 6], 12]
[elderly_care]
agreement = true
p_accept = 0.5
contact_minutes = 30
)");
  EXPECT_EQ(s.search.fallbacks,
            (std::vector<Fallback>{Fallback::HubRoom, Fallback::HomeHelp, Fallback::ElderlyCare, Fallback::HandOver}));
  const auto& h = s.home_support.can_start;
  EXPECT_TRUE(h[22] && h[23] && h[0] && h[5] && h[12]);
  EXPECT_FALSE(h[6] || h[11] || h[13] || h[21]);
}

TEST_F(Resolution, FacilityOverridesFacilityDefaultsKeyByKey) {
  const auto s = load(R"(
[[facilities]]
name = "own"
region = "北沢"
beds = 3
planned_occupancy = 0.5
[facilities.acceptance]
known_factor = 4
)");
  EXPECT_DOUBLE_EQ(s.facilities[0].planned_occupancy, 0.5);
  EXPECT_DOUBLE_EQ(s.facilities[0].acceptance.known_factor, 4);
  EXPECT_DOUBLE_EQ(s.facilities[0].acceptance.base[0], 0.5);  // base still from [facility_defaults.acceptance]
}

TEST(DidYouMean, EditDistanceCountsCodePoints) {
  EXPECT_EQ(kyoten::scenario::edit_distance("北沢", "北澤"), 1u);
  EXPECT_EQ(kyoten::scenario::edit_distance("beds", "bedz"), 1u);
  EXPECT_EQ(kyoten::scenario::edit_distance("", "abc"), 3u);
  EXPECT_EQ(kyoten::scenario::closest_match("bedz", {"name", "beds", "region"}), "beds");
  EXPECT_FALSE(kyoten::scenario::closest_match("xyz", {"planned_occupancy", "region"}).has_value());
  EXPECT_EQ(kyoten::scenario::suggestion_hint("calss", {"calls", "meta"}), "did you mean 'calls'? allowed: calls, meta");
}

}  // namespace
