// Beds as municipalities count them: 延べ利用日数 counts every calendar day a stay touches, and the daily census
// counts the beds in use at one hour. With every emergency stay exactly 3 days long, each stay touches 4
// calendar days (it starts and ends inside a day) and covers exactly 3 census instants, whatever the hour.
#include <gtest/gtest.h>

#include <cmath>

#include "hub_fixture.hpp"
#include "models/hub/hub_model.hpp"

namespace kyoten::hub {
namespace {

Scenario three_day_stays(int census_hour) {
  Scenario sc = testing::minimal_scenario();  // one year from 2024-04-01, no warm-up: no stay before the window
  sc.calendar.census_hour = census_hour;
  sc.calls.emergency_share = {1, 1, 1, 1};
  sc.facilities[0].beds = 60;  // never full
  sc.stays.emergency_need_days = sim::Distribution(sim::Constant{3});
  return sc;
}

TEST(BedCounts, ThreeDayStaysCountFourBedDaysAndThreeCensusNights) {
  for (int hour : {0, 14}) {
    const ReplicationResult r = simulate_replication(three_day_stays(hour), 9, 0);
    const auto k = [&](const char* key) { return r.kpi[kpi_index(key)]; };
    const double stays = k("outcome_short_stay");
    ASSERT_GT(stays, 50);
    // Stays still running at the end touch fewer days and census instants: a few at most (100 calls a year).
    EXPECT_NEAR(k("bed_days_used"), 4 * stays, 4 * 3) << hour;
    EXPECT_NEAR(k("bed_days_integral"), 3 * stays, 3 * 3) << hour;
    EXPECT_NEAR(k("beds_in_use_census") * 365, 3 * stays, 3 * 3) << hour;  // FY2024 has 365 days
  }
}

// "Every bed in use at the census hour", as a share of days: with one bed it is in use exactly when the census
// counts one, so the share equals the census mean; with 60 beds it never happens; with the only facility out of
// service there is no free bed on any day.
TEST(BedCounts, EveryBedInUseAtTheCensusHourIsTheShareOfDaysWithNoFreeBed) {
  Scenario one_bed = three_day_stays(0);
  one_bed.facilities[0].beds = 1;
  const ReplicationResult r = simulate_replication(one_bed, 9, 0);
  ASSERT_GT(r.kpi[kpi_index("beds_in_use_census")], 0.1);
  EXPECT_DOUBLE_EQ(r.kpi[kpi_index("bed_days_all_in_use_census")], r.kpi[kpi_index("beds_in_use_census")]);

  const ReplicationResult many = simulate_replication(three_day_stays(0), 9, 0);
  ASSERT_GT(many.kpi[kpi_index("beds_in_use_census")], 0.1);
  EXPECT_EQ(many.kpi[kpi_index("bed_days_all_in_use_census")], 0.0);

  Scenario closed = three_day_stays(0);
  closed.facilities[0].in_service = false;
  EXPECT_EQ(simulate_replication(closed, 9, 0).kpi[kpi_index("bed_days_all_in_use_census")], 1.0);
}

// Nothing in use at all: every count is zero (and the room counts are NaN without hub rooms).
TEST(BedCounts, EmptyBedsCountNothing) {
  Scenario sc = testing::minimal_scenario();
  sc.calls.per_registrant_per_year = 0;
  const ReplicationResult r = simulate_replication(sc, 9, 0);
  EXPECT_EQ(r.kpi[kpi_index("bed_days_used")], 0);
  EXPECT_EQ(r.kpi[kpi_index("beds_in_use_census")], 0);
  EXPECT_TRUE(std::isnan(r.kpi[kpi_index("hub_room_days_used")]));
}

// A hub room may keep its own stay length: every search fails (no facility), so each emergency goes to a hub
// room for exactly 10 days, not the facilities' 3. Each such stay covers 10 days of room time and touches 11
// calendar days.
TEST(BedCounts, HubRoomsKeepTheirOwnStayLength) {
  Scenario sc = three_day_stays(0);
  sc.facilities[0].in_service = false;
  sc.hub.rooms = 40;  // never full
  sc.hub.need_days = sim::Distribution(sim::Constant{10});
  sc.search.fallbacks = {Fallback::HubRoom};
  const ReplicationResult r = simulate_replication(sc, 9, 0);
  const auto k = [&](const char* key) { return r.kpi[kpi_index(key)]; };
  const double stays = k("outcome_hub_room");
  ASSERT_GT(stays, 50);
  EXPECT_NEAR(k("hub_room_days_integral"), 10 * stays, 10 * 4);
  EXPECT_NEAR(k("hub_room_days_used"), 11 * stays, 11 * 4);
  EXPECT_EQ(k("outcome_short_stay"), 0);
}

}  // namespace
}  // namespace kyoten::hub
