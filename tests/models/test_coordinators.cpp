// The coordinators of each center: who answers a new call, who is free, waiting in order, and the staff cost of
// the hours with the statutory premiums, each against a case worked by hand.
#include <gtest/gtest.h>

#include "hub_fixture.hpp"
#include "models/hub/coordinators.hpp"

namespace kyoten::hub {
namespace {

using testing::date;
using testing::minimal_scenario;

// Two centers: A (one coordinator round the clock, overflow to B) and B (nobody on duty, an on-call one).
Scenario two_centers() {
  Scenario sc = minimal_scenario();
  sc.regions = {Region{"A", 1}, Region{"B", 1}};
  Center a = sc.centers[0];
  a.name = "A";
  a.regions = {0};
  a.staff = testing::staff_all_hours(1);
  a.overflow = {1};
  Center b = a;
  b.name = "B";
  b.regions = {1};
  b.staff = testing::staff_all_hours(0);
  b.overflow = {};
  b.on_call_delay_hours = 0.5;
  sc.centers = {a, b};
  return sc;
}

TEST(Coordinators, EachRegionIsServedByTheFirstCenterListingIt) {
  Scenario sc = two_centers();
  sc.centers[1].regions = {0, 1};  // B also lists A's region, but A comes first
  const Coordinators co(sc);
  EXPECT_EQ(co.center_of_region(0), 0);
  EXPECT_EQ(co.center_of_region(1), 1);
}

TEST(Coordinators, ScheduleForTheHourIsPutInForce) {
  Scenario sc = two_centers();
  sc.centers[0].staff.hour_of_week.fill(0);
  sc.centers[0].staff.hour_of_week[9] = 3;  // Monday 9:00 (the week starts on Monday)
  const sim::CivilCalendar calendar(date(2024, 4, 1));  // a Monday
  Coordinators co(sc);
  co.start_hour(calendar, 9.0);
  EXPECT_EQ(co.on_duty(0), 3);
  EXPECT_EQ(co.total_on_duty(), 3);
  co.start_hour(calendar, 10.0);
  EXPECT_EQ(co.on_duty(0), 0);
}

TEST(Coordinators, CallGoesToOwnCenterThenOverflowThenWaits) {
  const Scenario sc = two_centers();
  const sim::CivilCalendar calendar(date(2024, 4, 1));
  Coordinators co(sc);
  co.start_hour(calendar, 0.0);
  Answerer a = co.answerer_for(0);
  EXPECT_EQ(a.center, 0);
  EXPECT_FALSE(a.on_call);
  co.take(0, false);
  a = co.answerer_for(0);  // A's one coordinator is busy: B's on-call coordinator answers
  EXPECT_EQ(a.center, 1);
  EXPECT_TRUE(a.on_call);
  co.take(1, true);
  EXPECT_EQ(co.answerer_for(0).center, -1);  // nobody free anywhere
  co.wait(0, 7);
  co.wait(0, 8);
  co.release(0, false);
  // Someone waits at A, so a new call does not jump the queue there; B's on-call coordinator is still out.
  EXPECT_EQ(co.answerer_for(0).center, -1);
  EXPECT_EQ(co.free_at(0), FreeCoordinator::OnDuty);
  EXPECT_EQ(co.next_waiting(0), 7u);  // first come, first served
  EXPECT_EQ(co.next_waiting(0), 8u);
  EXPECT_FALSE(co.anyone_waiting(0));
}

TEST(Coordinators, OnCallAnswersOnlyWhenNobodyIsOnDuty) {
  Scenario sc = two_centers();
  sc.centers[0].on_call_delay_hours = 0.5;
  const sim::CivilCalendar calendar(date(2024, 4, 1));
  Coordinators co(sc);
  co.start_hour(calendar, 0.0);
  co.take(0, false);
  EXPECT_EQ(co.free_at(0), FreeCoordinator::None);  // one on duty and busy: the on-call one is not called
  EXPECT_EQ(co.free_at(1), FreeCoordinator::OnCall);
}

// One coordinator at 2,000 yen an hour with the default premiums (night +25%, holiday +35%).
TEST(Coordinators, StaffCostCarriesNightAndHolidayPremiums) {
  Scenario sc = minimal_scenario();
  sc.centers[0].staff = testing::staff_all_hours(1);
  sc.centers[0].staff_cost_per_hour_yen = 2000;
  const sim::CivilCalendar calendar(date(2024, 4, 1));  // Monday
  Coordinators co(sc);
  co.start_hour(calendar, 0.0);
  // Monday 20:00–24:00: 4 hours, of which 22–24 are night: 4 x 2000 + 2 x 500 = 9,000.
  EXPECT_DOUBLE_EQ(co.staff_cost_yen(calendar, 20.0, 24.0), 9000.0);
  // Sunday 2024-04-07 0:00–6:00: 6 holiday hours and 5 night hours: 6 x 2700 + 5 x 500 = 18,700.
  const double sunday = 6 * 24.0;
  EXPECT_DOUBLE_EQ(co.staff_cost_yen(calendar, sunday, sunday + 6), 18700.0);
}

TEST(Coordinators, NobodyOnDutyCostsTheOnCallAllowance) {
  Scenario sc = minimal_scenario();
  sc.centers[0].staff = testing::staff_all_hours(0);
  sc.centers[0].on_call_delay_hours = 0.5;
  sc.centers[0].on_call_cost_per_hour_yen = 300;
  const sim::CivilCalendar calendar(date(2024, 4, 1));
  Coordinators co(sc);
  co.start_hour(calendar, 0.0);
  EXPECT_DOUBLE_EQ(co.staff_cost_yen(calendar, 0.0, 8.0), 2400.0);
}

}  // namespace
}  // namespace kyoten::hub
