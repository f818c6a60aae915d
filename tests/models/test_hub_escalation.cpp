// Escalation rules ([[search.rules]]) and emergency places (緊急一時保護: elderly-care agreement places, vacant
// houses, spare rooms), on hand-worked cases. Every emergency needs a short stay, and so many coordinators are on
// duty, with every call taking no time, that each search starts at the instant of its call: the band of the call
// is the band of the search.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "hub_fixture.hpp"
#include "models/hub/emergency_places.hpp"
#include "models/hub/hub_model.hpp"
#include "models/hub/search_rules.hpp"
#include "models/queueing/closed_forms.hpp"

namespace kyoten::hub {
namespace {

using sim::Constant;
using sim::Distribution;

using testing::kpi;

double cost(const ReplicationResult& r, const std::string& line) {
  double yen = 0;
  for (const auto& c : r.costs)
    if (c.line == line) yen += c.yen;
  return yen;
}

// Five facilities that always refuse, a hub with rooms for everyone, and no fallback beyond the rules.
Scenario refusing_facilities() {
  Scenario sc = testing::minimal_scenario();
  sc.calls.emergency_share = {1, 1, 1, 1};
  sc.centers[0].staff = testing::staff_all_hours(50);
  sc.facilities[0].acceptance.base = {0, 0, 0, 0};
  sc.facilities[0].beds = 50;
  for (const char* name : {"B", "C", "D", "E"}) {
    Facility f = sc.facilities[0];
    f.name = name;
    sc.facilities.push_back(f);
  }
  sc.hub.rooms = 1000;
  sc.search.fallbacks = {};  // found no bed: unresolved
  return sc;
}

SearchRule night_rule() {
  SearchRule rule;
  rule.name = "夜間は2回断られたら拠点の緊急居室へ";
  rule.bands = {false, false, true, false};  // weekday night
  rule.max_contacts = 2;
  rule.max_search_hours = 1e9;
  rule.fallbacks = {Fallback::HubRoom};
  return rule;
}

// At night after two refusals the case goes to the hub room; in every other band the coordinator calls all five
// facilities and the case ends unresolved. So hub-room outcomes are exactly the night's emergencies, and the calls
// made are 2 per night search and 5 per other search.
TEST(EscalationRules, AtNightAfterTwoRefusalsTheCaseGoesToTheHubRoom) {
  Scenario sc = refusing_facilities();
  sc.search.rules = {night_rule()};
  const ReplicationResult r = simulate_replication(sc, 3, 0);
  const double night = kpi(r, "emergencies_weekday_night");
  const double emergencies = kpi(r, "emergencies");
  ASSERT_GT(night, 10);
  ASSERT_GT(emergencies - night, 10);
  EXPECT_EQ(kpi(r, "outcome_hub_room"), night);
  EXPECT_EQ(kpi(r, "outcome_unresolved"), emergencies - night);
  EXPECT_NEAR(kpi(r, "contacts_per_search") * emergencies, 2 * night + 5 * (emergencies - night), 1e-6);
}

// Without the rule the same emergencies all end unresolved after five calls: the rule is what sends them on.
TEST(EscalationRules, WithoutTheRuleTheSearchKeepsItsOwnShape) {
  const ReplicationResult r = simulate_replication(refusing_facilities(), 3, 0);
  EXPECT_EQ(kpi(r, "outcome_hub_room"), 0);
  EXPECT_EQ(kpi(r, "outcome_unresolved"), kpi(r, "emergencies"));
  EXPECT_DOUBLE_EQ(kpi(r, "contacts_per_search"), 5);
}

// A rule with max_contacts = 0 skips the facilities: no search is counted, and the fallback follows at once.
TEST(EscalationRules, ZeroContactsGoStraightToTheFallbacks) {
  Scenario sc = refusing_facilities();
  SearchRule rule = night_rule();
  rule.bands = {true, true, true, true};
  rule.max_contacts = 0;
  sc.search.rules = {rule};
  const ReplicationResult r = simulate_replication(sc, 3, 0);
  EXPECT_EQ(kpi(r, "outcome_hub_room"), kpi(r, "emergencies"));
  EXPECT_TRUE(std::isnan(kpi(r, "contacts_per_search")) || kpi(r, "contacts_per_search") == 0);
}

// only_facilities: a rule for children calls facility C alone, which takes everyone; others are refused by all.
TEST(EscalationRules, OnlyTheNamedFacilitiesAreCalled) {
  Scenario sc = refusing_facilities();
  sc.registration.attributes.age_band_names = {"child", "adult"};
  sc.registration.attributes.age_band_weights = {1, 1};
  sc.registration.attributes.child_age_bands = {0};
  sc.facilities[2].acceptance.base = {1, 1, 1, 1};  // C says yes to anyone...
  SearchRule rule;
  rule.people.children = true;
  rule.max_contacts = 10;
  rule.max_search_hours = 1e9;
  rule.facilities = {false, true, false, false, false};  // ...but children are taken to B only
  sc.search.rules = {rule};
  const ReplicationResult children_to_b = simulate_replication(sc, 3, 0);
  rule.facilities = {false, false, true, false, false};  // and now to C only
  sc.search.rules = {rule};
  const ReplicationResult children_to_c = simulate_replication(sc, 3, 0);
  // Adults reach C in both; children only when the rule lets them call C.
  const double adults_placed = kpi(children_to_b, "outcome_short_stay");
  ASSERT_GT(adults_placed, 10);
  EXPECT_GT(kpi(children_to_c, "outcome_short_stay"), adults_placed + 10);
  EXPECT_EQ(kpi(children_to_c, "outcome_unresolved"), 0);
  // Children's searches in the first run call B only: one call each, adults call C (third in order) after A, B.
  EXPECT_EQ(kpi(children_to_b, "outcome_unresolved") + adults_placed, kpi(children_to_b, "emergencies"));
}

TEST(EscalationRules, TheFirstMatchingRuleApplies) {
  Search search;
  SearchRule medical;
  medical.people.medical_care = true;
  SearchRule night = night_rule();
  search.rules = {medical, night};
  Registrant person;
  EXPECT_EQ(matching_rule(search, TimeBand::WeekdayNight, Need::ShortStay, person), 1);
  person.medical_care = true;
  EXPECT_EQ(matching_rule(search, TimeBand::WeekdayNight, Need::ShortStay, person), 0);
  person.medical_care = false;
  EXPECT_EQ(matching_rule(search, TimeBand::WeekdayDaytime, Need::ShortStay, person), -1);
  search.rules[1].needs = {false, true, false};  // home help only
  EXPECT_EQ(matching_rule(search, TimeBand::WeekdayNight, Need::ShortStay, person), -1);
  EXPECT_EQ(matching_rule(search, TimeBand::WeekdayNight, Need::HomeHelp, person), 1);
}

EmergencyPlace place(const char* name, PlaceKind kind, int places) {
  EmergencyPlace p;
  p.name = name;
  p.kind = kind;
  p.places = places;
  p.contact_minutes = Distribution(Constant{0});
  p.admits_at.fill(true);
  return p;
}

// Everyone needs medical care. Facility A has no nurses; the vacant house has none either; the elderly-care
// facility has. Without a rule the hub room (which takes anyone) is the fallback; with a rule for medical care
// listing the vacant house first, the case still never goes there, nor to A or the hub: all go to the elderly-care
// facility.
TEST(EscalationRules, AMedicalCareCaseIsNeverPlacedWhereThereAreNoNurses) {
  Scenario sc = refusing_facilities();
  sc.facilities.resize(1);
  sc.facilities[0].acceptance.base = {1, 1, 1, 1};
  sc.facilities[0].medical_care = false;
  sc.registration.attributes.p_medical_care = 1;
  sc.emergency_places = {place("空き家", PlaceKind::VacantHouse, 100), place("協定介護施設", PlaceKind::ElderlyCare, 100)};
  sc.emergency_places[1].medical_care = true;
  sc.search.fallbacks = {Fallback::HubRoom};
  const ReplicationResult without_rule = simulate_replication(sc, 3, 0);
  ASSERT_GT(kpi(without_rule, "emergencies"), 10);
  EXPECT_EQ(kpi(without_rule, "outcome_short_stay"), 0);
  EXPECT_EQ(kpi(without_rule, "outcome_hub_room"), kpi(without_rule, "emergencies"));

  SearchRule rule;
  rule.people.medical_care = true;
  rule.max_contacts = 10;
  rule.max_search_hours = 1e9;
  rule.fallbacks = {Fallback::VacantHouse, Fallback::ElderlyCare};
  sc.search.rules = {rule};
  const ReplicationResult r = simulate_replication(sc, 3, 0);
  EXPECT_EQ(kpi(r, "outcome_short_stay"), 0);
  EXPECT_EQ(kpi(r, "outcome_hub_room"), 0);
  EXPECT_EQ(kpi(r, "emergency_place_uses_vacant_house"), 0);
  EXPECT_EQ(kpi(r, "emergency_place_uses_elderly_care"), kpi(r, "emergencies"));
  EXPECT_EQ(kpi(r, "outcome_emergency_place"), kpi(r, "emergencies"));
  // Each case found no vacant house it could use.
  EXPECT_EQ(kpi(r, "emergency_place_none_open"), kpi(r, "emergencies"));
}

TEST(EmergencyPlaces, TakeOnlyThePeopleTheyStateTheyCanTake) {
  EmergencyPlace p = place("空き家", PlaceKind::VacantHouse, 1);
  Registrant adult, child, medical;
  child.child = true;
  medical.medical_care = true;
  EXPECT_TRUE(place_can_take(p, adult));
  EXPECT_FALSE(place_can_take(p, child));
  EXPECT_FALSE(place_can_take(p, medical));
  p.children = true;
  p.medical_care = true;
  EXPECT_TRUE(place_can_take(p, child));
  EXPECT_TRUE(place_can_take(p, medical));
}

// One elderly-care place, stays of exactly 10 days, every facility refusing: the place is a loss system with one
// server, so the share of emergencies that find it taken is Erlang B(1, a) = a / (1 + a), a = λ · 10 days
// (insensitive to the stay's distribution). 100 emergencies a year: a = 100 · 10 / 365 = 2.74, B = 0.733.
// 20 replications of about 100 emergencies: a standard error near 0.01; tolerance 0.04. Days and cost follow
// exactly from the uses: 10 days and 10 × 8,000 yen each.
TEST(EmergencyPlaces, OnePlaceWithTenDayStaysBlocksAsErlangB) {
  Scenario sc = refusing_facilities();
  sc.horizon.warmup_days = 30;
  sc.emergency_places = {place("協定介護施設", PlaceKind::ElderlyCare, 1)};
  sc.emergency_places[0].stay_days = Distribution(Constant{10});
  sc.emergency_places[0].cost_per_day_yen = 8'000;
  sc.search.fallbacks = {Fallback::ElderlyCare};
  double emergencies = 0, unplaced = 0;
  for (std::uint64_t rep = 0; rep < 20; ++rep) {
    const ReplicationResult r = simulate_replication(sc, 5, rep);
    const double uses = kpi(r, "emergency_place_uses_elderly_care");
    EXPECT_EQ(kpi(r, "outcome_emergency_place"), uses);
    EXPECT_NEAR(kpi(r, "emergency_place_days"), 10 * uses, 1e-6);
    EXPECT_NEAR(cost(r, "emergency_places"), 10 * 8'000 * uses, 1e-3);
    // Every unplaced emergency found the one place taken.
    EXPECT_EQ(kpi(r, "emergency_place_none_open"), kpi(r, "outcome_unresolved"));
    emergencies += kpi(r, "emergencies");
    unplaced += kpi(r, "outcome_unresolved");
  }
  const double a = 100.0 * 10 / 365;
  EXPECT_NEAR(unplaced / emergencies, queueing::erlang_b(a, 1), 0.04);
  EXPECT_NEAR(queueing::erlang_b(a, 1), a / (1 + a), 1e-9);
}

// A place's yearly upkeep is spread over the days of the fiscal year: a whole year costs it, used or not.
TEST(EmergencyPlaces, TheirUpkeepIsChargedOverTheYear) {
  Scenario sc = testing::minimal_scenario();
  sc.calls.per_registrant_per_year = 0;
  sc.emergency_places = {place("空き家", PlaceKind::VacantHouse, 1)};
  sc.emergency_places[0].fixed_cost_per_year_yen = 600'000;
  const ReplicationResult r = simulate_replication(sc, 3, 0);
  EXPECT_NEAR(cost(r, "emergency_places"), 600'000, 1e-3);  // FY2024, the fixture's whole horizon
  EXPECT_EQ(kpi(r, "emergency_place_uses_vacant_house"), 0);
}

// A place that takes people in only from 9:00 to 17:00 never takes an emergency of the weekday evening or night
// bands (17:00–9:00), and takes every one of the weekday daytime band (it has room for all and always says yes).
TEST(EmergencyPlaces, TakePeopleInOnlyAtTheirAdmissionHours) {
  Scenario sc = refusing_facilities();
  sc.emergency_places = {place("空き時間のある居室", PlaceKind::SpareRoom, 1000)};
  sc.emergency_places[0].admits_at.fill(false);
  for (int h = 9; h < 17; ++h) sc.emergency_places[0].admits_at[static_cast<std::size_t>(h)] = true;
  sc.search.fallbacks = {Fallback::SpareRoom};
  const ReplicationResult r = simulate_replication(sc, 3, 0);
  const double evening_and_night = kpi(r, "emergencies_weekday_evening") + kpi(r, "emergencies_weekday_night");
  ASSERT_GT(evening_and_night, 10);
  EXPECT_GE(kpi(r, "outcome_unresolved"), evening_and_night);
  EXPECT_GE(kpi(r, "emergency_place_uses_spare_room"), kpi(r, "emergencies_weekday_daytime"));
  EXPECT_EQ(kpi(r, "emergency_place_uses_spare_room") + kpi(r, "outcome_unresolved"), kpi(r, "emergencies"));
}

// A place that refuses (p_accept = 0) is freed again: the next place of the same kind is called, and a place of
// another kind after that.
TEST(EmergencyPlaces, ARefusalMovesOnToTheNextPlaceOfTheKindThenTheNextFallback) {
  Scenario sc = refusing_facilities();
  sc.emergency_places = {place("協定A", PlaceKind::ElderlyCare, 1), place("協定B", PlaceKind::ElderlyCare, 1000),
                         place("空き家", PlaceKind::VacantHouse, 1000)};
  sc.emergency_places[0].p_accept = 0;
  sc.emergency_places[1].p_accept = 0;
  sc.search.fallbacks = {Fallback::ElderlyCare, Fallback::VacantHouse};
  const ReplicationResult r = simulate_replication(sc, 3, 0);
  ASSERT_GT(kpi(r, "emergencies"), 10);
  EXPECT_EQ(kpi(r, "emergency_place_uses_elderly_care"), 0);
  EXPECT_EQ(kpi(r, "emergency_place_uses_vacant_house"), kpi(r, "emergencies"));
  EXPECT_EQ(kpi(r, "emergency_place_none_open"), 0);  // 協定A is refused, never full: it was freed each time
}

}  // namespace
}  // namespace kyoten::hub
