// A small town's beds as seed 003 wants them, through the whole model: a wide-area bed shared with the
// neighbouring municipalities (広域で利用できる緊急受け入れ先), whose stays make it unavailable to the town, and a
// short-stay bed used for daytime respite (短期入所施設を日中一時として利用), so that what is free changes by hour.
// Each expectation is worked out by hand from the scenario built here.
#include <gtest/gtest.h>

#include <cmath>

#include "hub_fixture.hpp"
#include "models/hub/hub_model.hpp"

namespace kyoten::hub {
namespace {

using testing::kpi;

// One bed, no planned stays, every call an emergency needing a short stay, the facility always saying yes when
// it has a bed, no fallbacks. Emergency stays last no time at all, so the town's own emergencies never hold the
// bed when another calls: whether a search finds the bed depends only on who else holds it.
Scenario one_bed_town() {
  Scenario sc = testing::minimal_scenario();
  sc.facilities[0].beds = 1;
  sc.facilities[0].planned_occupancy = 0;
  sc.calls.per_registrant_per_year = 0.5;  // 50 emergencies a year
  sc.calls.emergency_share = {1, 1, 1, 1};
  sc.stays.emergency_need_days = sim::Distribution(sim::Constant{0});
  return sc;
}

TEST(HubSharedBeds, AWideAreaBedHeldByANeighbourIsUnavailableToTheTown) {
  Scenario sc = one_bed_town();
  const ReplicationResult own = simulate_replication(sc, 3, 0);
  EXPECT_GT(kpi(own, "emergencies"), 20);
  EXPECT_EQ(kpi(own, "p_no_bed"), 0);  // the bed is always free
  EXPECT_EQ(kpi(own, "outcome_short_stay"), kpi(own, "emergencies"));
  EXPECT_EQ(kpi(own, "searches_met_neighbour_stay"), 0);
  EXPECT_TRUE(std::isnan(kpi(own, "shared_beds_held_by_neighbours")));  // nothing shared

  // The bed shared with neighbours who ask every few minutes and stay 1000 days: a neighbour takes it in the
  // first minutes of the year and holds it to the end, so every search of the town finds it held.
  sc.facilities[0].wide_area.beds = 1;
  sc.facilities[0].wide_area.neighbour_stays_per_year = 100'000;
  sc.facilities[0].wide_area.neighbour_stay_days = sim::Distribution(sim::Constant{1000});
  const ReplicationResult shared = simulate_replication(sc, 3, 0);
  EXPECT_EQ(kpi(shared, "emergencies"), kpi(own, "emergencies"));  // the same calls (common random numbers)
  EXPECT_EQ(kpi(shared, "p_no_bed"), 1);
  EXPECT_EQ(kpi(shared, "outcome_short_stay"), 0);
  EXPECT_EQ(kpi(shared, "searches_met_neighbour_stay"), 1);
  EXPECT_NEAR(kpi(shared, "shared_beds_held_by_neighbours"), 1, 1e-3);  // all but those first minutes
  EXPECT_EQ(kpi(shared, "neighbour_stays"), 1);                          // that one stay
  EXPECT_GT(kpi(shared, "neighbour_stays_refused"), 50'000);             // every later request: the bed is held
  EXPECT_NEAR(kpi(shared, "bed_occupancy"), 1, 1e-3);
}

// Respite takes the bed on weekdays 9:00–17:00 (not on public holidays), which is the fixture's weekday-daytime
// band: every search in that band finds the bed held by respite, every search outside it finds it free.
TEST(HubSharedBeds, DaytimeRespiteHoldsTheBedInItsHoursAndFreesItOutsideThem) {
  Scenario sc = one_bed_town();
  for (int day = 0; day < 5; ++day)
    for (int hour = 9; hour < 17; ++hour) sc.facilities[0].daytime_respite.hour_of_week[day * 24 + hour] = 1;
  const ReplicationResult r = simulate_replication(sc, 3, 0);
  EXPECT_GT(kpi(r, "emergencies_weekday_daytime"), 5);
  EXPECT_GT(kpi(r, "emergencies_weekday_evening") + kpi(r, "emergencies_weekday_night"), 5);
  EXPECT_EQ(kpi(r, "p_no_bed_weekday_daytime"), 1);
  EXPECT_EQ(kpi(r, "p_no_bed_weekday_evening"), 0);
  EXPECT_EQ(kpi(r, "p_no_bed_weekday_night"), 0);
  EXPECT_EQ(kpi(r, "p_no_bed_weekend_holiday"), 0);
  EXPECT_DOUBLE_EQ(kpi(r, "searches_met_respite"), kpi(r, "p_no_bed"));
  EXPECT_EQ(kpi(r, "respite_shortfall_share"), 0);  // nothing else ever holds the bed at 9:00
  // FY2024 has 243 weekdays that are not public holidays or the year-end closure: 8 bed-hours each.
  EXPECT_DOUBLE_EQ(kpi(r, "respite_bed_hours"), 243 * 8);
}

}  // namespace
}  // namespace kyoten::hub
