// Dated surges of emergencies (災害時): extra emergency calls inside a window, and what the run reports there.
#include <gtest/gtest.h>

#include <cmath>

#include "hub_fixture.hpp"
#include "models/hub/hub_model.hpp"
#include "models/hub/surge_windows.hpp"

namespace kyoten::hub {
namespace {

using testing::date;

// A window of 2 days from hour 0: the rooms are full from before it until hour 10, and from hour 30 past its
// end, so 10 + 18 = 28 of its 48 hours.
TEST(SurgeWindows, HoursWithEveryRoomInUseAreCountedInsideTheWindowOnly) {
  sim::CivilCalendar calendar(date(2024, 4, 1));
  const std::vector<Surge> surges = {Surge{"s", date(2024, 4, 1), 2, 0, -1}};
  SurgeWindows w(surges, calendar);
  w.rooms_full(-5.0, true);
  w.rooms_full(10.0, false);
  w.rooms_full(30.0, true);
  const SurgeRecord r = w.results(100.0, true)[0];
  EXPECT_DOUBLE_EQ(r.rooms_full_share, (10.0 + 18.0) / 48.0);
}

TEST(SurgeWindows, OutcomesCountOnlyForCallsInsideTheWindow) {
  sim::CivilCalendar calendar(date(2024, 4, 1));
  const std::vector<Surge> surges = {Surge{"s", date(2024, 4, 2), 1, 0, -1}};  // hours 24–48
  SurgeWindows w(surges, calendar);
  w.emergency(23.0);
  w.emergency(24.0);
  w.emergency(47.5);
  w.outcome(24.0, Outcome::ShortStay, 27.0);
  w.outcome(47.5, Outcome::HubRoom, 48.5);
  w.outcome(23.0, Outcome::Unresolved, 30.0);  // called before the window: not counted
  const SurgeRecord r = w.results(100.0, false)[0];
  EXPECT_EQ(r.emergencies, 2);
  EXPECT_EQ(r.arranged, 2);
  EXPECT_DOUBLE_EQ(r.arrange_hours_mean, (3.0 + 1.0) / 2);
  EXPECT_EQ(r.unplaced, 0);
  EXPECT_TRUE(std::isnan(r.rooms_full_share));  // no hub rooms
}

// No ordinary calls; 10 surge emergencies within 2 days, each needing a bed for 3.5 days, at one facility of 2
// beds that always says yes, no fallback: the first 2 get the beds, the other 8 find none and stay unplaced.
TEST(HubSurges, TenEmergenciesInTwoDaysAtTwoBedsPlaceTwoAndLeaveEightUnplaced) {
  Scenario sc = testing::minimal_scenario();
  sc.calls.per_registrant_per_year = 0;
  sc.surges = {Surge{"flood", date(2024, 9, 1), 2, 10, 0}};
  for (std::uint64_t rep = 0; rep < 3; ++rep) {
    const ReplicationResult r = simulate_replication(sc, 21, rep);
    ASSERT_EQ(r.surges.size(), 1u);
    const SurgeRecord& s = r.surges[0];
    EXPECT_EQ(r.kpi[kpi_index("emergencies")], 10);
    EXPECT_EQ(s.emergencies, 10);
    EXPECT_EQ(s.arranged, 2);
    EXPECT_EQ(s.unplaced, 8);
    EXPECT_EQ(s.searches_without_bed, 8);
    EXPECT_EQ(r.kpi[kpi_index("outcome_unresolved")], 8);
  }
}

// With one hub room as the fallback the third emergency takes it and keeps it past the window's end (3.5-day
// stays in a 2-day window), so the room is full from then to the end of the window: a share in (0, 1).
TEST(HubSurges, AHubRoomTakenDuringTheSurgeIsReportedFull) {
  Scenario sc = testing::minimal_scenario();
  sc.calls.per_registrant_per_year = 0;
  sc.hub.rooms = 1;
  sc.search.fallbacks = {Fallback::HubRoom};
  sc.surges = {Surge{"flood", date(2024, 9, 1), 2, 10, -1}};
  const ReplicationResult r = simulate_replication(sc, 21, 0);
  const SurgeRecord& s = r.surges[0];
  EXPECT_EQ(s.arranged, 3);
  EXPECT_EQ(s.unplaced, 7);
  EXPECT_GT(s.rooms_full_share, 0);
  EXPECT_LT(s.rooms_full_share, 1);
}

}  // namespace
}  // namespace kyoten::hub
