// What the plan says of each hour of the week, checked against a schedule worked by hand: office hours, the
// coordinators free for planned work, and the hours at which the model must tick.
#include <gtest/gtest.h>

#include "hub_fixture.hpp"
#include "models/hub/office_week.hpp"

namespace kyoten::hub {
namespace {

constexpr int kMonday = 0, kSaturday = 5 * 24;

// One center: two coordinators round the clock and a third on weekdays 9–18, one of whom stays at the phones;
// a second center staffed on weekdays 8–20 only. The weekday daytime band is 9–17.
Scenario two_centers() {
  Scenario sc = testing::minimal_scenario();
  Center main = sc.centers[0];
  main.staff = testing::staff_all_hours(2);
  for (int day = 0; day < 5; ++day)
    for (int h = 9; h < 18; ++h) main.staff.hour_of_week[day * 24 + h] = 3;
  main.min_at_phones = 1;
  Center branch = main;
  branch.staff = testing::staff_all_hours(0);
  for (int day = 0; day < 5; ++day)
    for (int h = 8; h < 20; ++h) branch.staff.hour_of_week[day * 24 + h] = 1;
  branch.min_at_phones = 0;
  sc.centers = {main, branch};
  sc.calls.band_hours = TimeBandHours{9, 17, 22};
  return sc;
}

TEST(OfficeWeek, OfficeHoursAreTheWeekdayDaytimeBandAndNeverAPublicHoliday) {
  const OfficeWeek week(two_centers());
  EXPECT_FALSE(week.office_hours(false, kMonday + 8));
  EXPECT_TRUE(week.office_hours(false, kMonday + 9));
  EXPECT_TRUE(week.office_hours(false, kMonday + 16));
  EXPECT_FALSE(week.office_hours(false, kMonday + 17));
  EXPECT_FALSE(week.office_hours(false, kSaturday + 10));
  EXPECT_FALSE(week.office_hours(true, kMonday + 10));
}

TEST(OfficeWeek, PlannedWorkMayTakeThoseOnDutyBeyondTheOnesWhoStayAtThePhones) {
  const OfficeWeek week(two_centers());
  EXPECT_EQ(week.planned_capacity(0, false, kMonday + 10), 2);  // three on duty, one at the phones
  EXPECT_EQ(week.planned_capacity(1, false, kMonday + 10), 1);
  EXPECT_EQ(week.planned_capacity(0, false, kMonday + 17), 0);  // still three on duty, but not office hours
  EXPECT_EQ(week.planned_capacity(0, false, kSaturday + 10), 0);
  EXPECT_EQ(week.planned_capacity(0, true, kMonday + 10), 0);
}

TEST(OfficeWeek, TheModelTicksWhereStaffingOrOfficeHoursChangeAndAtMidnight) {
  const OfficeWeek week(two_centers());
  EXPECT_EQ(week.next_change_hour(false, kMonday + 0), 8);    // the branch opens
  EXPECT_EQ(week.next_change_hour(false, kMonday + 8), 9);    // office hours, the third coordinator
  EXPECT_EQ(week.next_change_hour(false, kMonday + 9), 17);   // office hours end
  EXPECT_EQ(week.next_change_hour(false, kMonday + 17), 18);  // the third coordinator leaves
  EXPECT_EQ(week.next_change_hour(false, kMonday + 18), 20);  // the branch closes
  EXPECT_EQ(week.next_change_hour(false, kMonday + 20), 24);
  EXPECT_EQ(week.next_change_hour(false, kSaturday + 3), 24);  // the weekend keeps one schedule all day
  EXPECT_EQ(week.next_change_hour(true, kMonday + 3), 24);     // and so does a holiday
}

}  // namespace
}  // namespace kyoten::hub
