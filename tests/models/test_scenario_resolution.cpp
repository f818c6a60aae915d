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
  EXPECT_TRUE(s.emergency_places.empty());
  EXPECT_TRUE(s.search.rules.empty());
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
[[emergency_places]]
name = "協定介護施設"
kind = "elderly_care"
places = 1
p_accept = 0.5
contact_minutes = 30
[[emergency_places]]
name = "空き家"
kind = "vacant_house"
places = 1
contact_minutes = 30
)");
  EXPECT_EQ(s.search.fallbacks, (std::vector<Fallback>{Fallback::HubRoom, Fallback::HomeHelp, Fallback::ElderlyCare,
                                                       Fallback::VacantHouse, Fallback::HandOver}));
  const auto& h = s.home_support.can_start;
  EXPECT_TRUE(h[22] && h[23] && h[0] && h[5] && h[12]);
  EXPECT_FALSE(h[6] || h[11] || h[13] || h[21]);
}

// An escalation rule takes what it leaves out from [search]: here the fallbacks and max_search_hours; the bands,
// needs and people it names become flags, and its facilities a mask by index.
TEST_F(Resolution, EscalationRulesTakeWhatTheyLeaveOutFromSearch) {
  const auto s = load(R"(
[hub]
rooms = 1
[search]
max_contacts = 5
max_search_hours = 3
fallbacks = ["hand_over"]
[[search.rules]]
name = "夜間は2回で緊急居室へ"
bands = ["weekday_night", "weekend_holiday"]
max_contacts = 2
fallbacks = ["hub_room", "hand_over"]
[[search.rules]]
needs = ["short_stay", "both"]
people = ["medical_care"]
only_facilities = ["C"]
)");
  ASSERT_EQ(s.search.rules.size(), 2u);
  const auto& night = s.search.rules[0];
  EXPECT_EQ(night.name, "夜間は2回で緊急居室へ");
  EXPECT_EQ(night.bands, (std::array<bool, 4>{false, false, true, true}));
  EXPECT_EQ(night.needs, (std::array<bool, 3>{true, true, true}));
  EXPECT_TRUE(night.people.everyone());
  EXPECT_EQ(night.max_contacts, 2);
  EXPECT_DOUBLE_EQ(night.max_search_hours, 3);
  EXPECT_EQ(night.fallbacks, (std::vector<Fallback>{Fallback::HubRoom, Fallback::HandOver}));
  EXPECT_TRUE(night.facilities.empty());
  const auto& medical = s.search.rules[1];
  EXPECT_EQ(medical.name, "rule 2");
  EXPECT_EQ(medical.needs, (std::array<bool, 3>{true, false, true}));
  EXPECT_TRUE(medical.people.medical_care);
  EXPECT_FALSE(medical.people.children);
  EXPECT_EQ(medical.max_contacts, 5);
  EXPECT_EQ(medical.fallbacks, (std::vector<Fallback>{Fallback::HandOver}));
  EXPECT_EQ(medical.facilities, (std::vector<bool>{false, false, true}));  // A, B, C in _valid_base.toml
}

TEST_F(Resolution, EmergencyPlacesTakeTheirDocumentedDefaults) {
  const auto s = load(R"(
[[emergency_places]]
name = "空き家"
kind = "vacant_house"
places = 2
contact_minutes = 20
admission_hours = [[9, 21]]
)");
  ASSERT_EQ(s.emergency_places.size(), 1u);
  const auto& p = s.emergency_places[0];
  EXPECT_EQ(p.kind, kyoten::hub::PlaceKind::VacantHouse);
  EXPECT_EQ(p.places, 2);
  EXPECT_DOUBLE_EQ(p.p_accept, 1);
  EXPECT_FALSE(p.stay_days.has_value());  // [stays].emergency_need_days
  EXPECT_DOUBLE_EQ(p.cost_per_day_yen, 0);
  EXPECT_DOUBLE_EQ(p.fixed_cost_per_year_yen, 0);
  EXPECT_FALSE(p.medical_care || p.behavioural || p.children);
  EXPECT_TRUE(p.admits_at[9] && p.admits_at[20]);
  EXPECT_FALSE(p.admits_at[8] || p.admits_at[21]);
  EXPECT_EQ(s.search.fallbacks, (std::vector<Fallback>{Fallback::VacantHouse, Fallback::HandOver}));
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
