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
  const sim::CivilCalendar calendar(date(2024, 4, 1));
  const Coordinators co(sc, calendar);
  EXPECT_EQ(co.center_of_region(0), 0);
  EXPECT_EQ(co.center_of_region(1), 1);
}

TEST(Coordinators, ScheduleForTheHourIsPutInForce) {
  Scenario sc = two_centers();
  sc.centers[0].staff.hour_of_week.fill(0);
  sc.centers[0].staff.hour_of_week[9] = 3;  // Monday 9:00 (the week starts on Monday)
  const sim::CivilCalendar calendar(date(2024, 4, 1));  // a Monday
  Coordinators co(sc, calendar);
  co.start_hour(9.0);
  EXPECT_EQ(co.on_duty(0), 3);
  co.start_hour(10.0);
  EXPECT_EQ(co.on_duty(0), 0);
}

TEST(Coordinators, CallGoesToOwnCenterThenOverflowThenWaits) {
  const Scenario sc = two_centers();
  const sim::CivilCalendar calendar(date(2024, 4, 1));
  Coordinators co(sc, calendar);
  co.start_hour(0.0);
  Answerer a = co.answerer_for(0);
  EXPECT_EQ(a.center, 0);
  EXPECT_FALSE(a.on_call);
  co.take(0, false, Duty::Inquiry, 0.0);
  a = co.answerer_for(0);  // A's one coordinator is busy: B's on-call coordinator answers
  EXPECT_EQ(a.center, 1);
  EXPECT_TRUE(a.on_call);
  co.take(1, true, Duty::Inquiry, 0.0);
  EXPECT_EQ(co.answerer_for(0).center, -1);  // nobody free anywhere
  co.wait(0, 7);
  co.wait(0, 8);
  co.release(0, false, Duty::Inquiry, 0.0);
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
  Coordinators co(sc, calendar);
  co.start_hour(0.0);
  co.take(0, false, Duty::Inquiry, 0.0);
  EXPECT_EQ(co.free_at(0), FreeCoordinator::None);  // one on duty and busy: the on-call one is not called
  EXPECT_EQ(co.free_at(1), FreeCoordinator::OnCall);
}

// One coordinator at 2,000 yen an hour with the default premiums (night +25%, holiday +35%).
TEST(Coordinators, StaffCostCarriesNightAndHolidayPremiums) {
  Scenario sc = minimal_scenario();
  sc.centers[0].staff = testing::staff_all_hours(1);
  sc.centers[0].staff_cost_per_hour_yen = 2000;
  const sim::CivilCalendar calendar(date(2024, 4, 1));  // Monday
  Coordinators co(sc, calendar);
  co.start_hour(0.0);
  // Monday 20:00–24:00: 4 hours, of which 22–24 are night: 4 x 2000 + 2 x 500 = 9,000.
  EXPECT_DOUBLE_EQ(co.staff_cost_yen(20.0, 24.0), 9000.0);
  // Sunday 2024-04-07 0:00–6:00: 6 holiday hours and 5 night hours: 6 x 2700 + 5 x 500 = 18,700.
  const double sunday = 6 * 24.0;
  EXPECT_DOUBLE_EQ(co.staff_cost_yen(sunday, sunday + 6), 18700.0);
}

TEST(Coordinators, NobodyOnDutyCostsTheOnCallAllowance) {
  Scenario sc = minimal_scenario();
  sc.centers[0].staff = testing::staff_all_hours(0);
  sc.centers[0].on_call_delay_hours = 0.5;
  sc.centers[0].on_call_cost_per_hour_yen = 300;
  const sim::CivilCalendar calendar(date(2024, 4, 1));
  Coordinators co(sc, calendar);
  co.start_hour(0.0);
  EXPECT_DOUBLE_EQ(co.staff_cost_yen(0.0, 8.0), 2400.0);
}

// One coordinator on weekdays 9–17 (or 9–21) at 2,000 yen an hour, statutory premiums: 時間外 +25%,
// 深夜 22–5 a further +25%, 休日 +35% (労働基準法 第37条 and its cabinet order).
Scenario office_hours(int from, int to) {
  Scenario sc = minimal_scenario();
  StaffSchedule s;
  for (int day = 0; day < 5; ++day) {
    for (int h = from; h < to; ++h) s.hour_of_week[day * 24 + h] = 1;
  }
  sc.centers[0].staff = s;
  sc.centers[0].staff_cost_per_hour_yen = 2000;
  sc.centers[0].overtime_premium = 0.25;
  sc.centers[0].night_premium = 0.25;
  sc.centers[0].holiday_premium = 0.35;
  return sc;
}

// A case from 16:00 lasting 3 hours under a 9–17 shift: 2 hours past the shift at +25%: 2 x 2,500 = 5,000 yen.
TEST(Coordinators, WorkPastTheShiftIsOvertimeAtTheStatutoryPremium) {
  const Scenario sc = office_hours(9, 17);
  const sim::CivilCalendar calendar(date(2024, 4, 1));  // Monday
  Coordinators co(sc, calendar);
  co.start_hour(9.0);
  co.take(0, false, Duty::Emergency, 16.0);
  co.start_hour(17.0);  // the shift ends; the case runs on
  co.release(0, false, Duty::Emergency, 19.0);
  const ExtraWork w = co.take_extra_work(24.0)[0];
  EXPECT_DOUBLE_EQ(w.overtime_hours, 2.0);
  EXPECT_DOUBLE_EQ(w.overtime_yen, 5000.0);
  EXPECT_DOUBLE_EQ(w.call_outs, 0.0);
  EXPECT_DOUBLE_EQ(co.take_extra_work(24.0)[0].overtime_hours, 0.0);  // taken once
}

// Past a 9–21 shift from 21:00 to 23:00: 21–22 at +25% (2,500) and 22–23 at +50% (3,000): 5,500 yen.
TEST(Coordinators, OvertimeAfterTenAtNightAddsTheLateNightPremium) {
  const Scenario sc = office_hours(9, 21);
  const sim::CivilCalendar calendar(date(2024, 4, 1));
  Coordinators co(sc, calendar);
  co.start_hour(9.0);
  co.take(0, false, Duty::Inquiry, 20.0);
  co.start_hour(21.0);
  co.release(0, false, Duty::Inquiry, 23.0);
  const ExtraWork w = co.take_extra_work(24.0)[0];
  EXPECT_DOUBLE_EQ(w.overtime_hours, 2.0);
  EXPECT_DOUBLE_EQ(w.overtime_yen, 5500.0);
}

// A dated change raises the wage from 2,000 to 3,000 yen an hour at 00:00 Tuesday; a case runs past a 9–21
// shift from 21:00 Monday to 1:00 Tuesday. The hub settles the work up to the change before the plan is
// replaced (HubSimulation::on_plan_change), so: 21–22 at 2,000 x 1.25 = 2,500, 22–24 at 2,000 x 1.5 = 6,000
// (8,500 at the old wage), then 0–1 at 3,000 x 1.5 = 4,500 at the new one.
TEST(Coordinators, ADatedWageChangeAppliesToOvertimeFromItsInstant) {
  Scenario sc = office_hours(9, 21);
  const sim::CivilCalendar calendar(date(2024, 4, 1));  // Monday
  Coordinators co(sc, calendar);
  co.start_hour(9.0);
  co.take(0, false, Duty::Inquiry, 20.0);
  co.start_hour(21.0);
  const ExtraWork before = co.take_extra_work(24.0)[0];
  sc.centers[0].staff_cost_per_hour_yen = 3000;  // the plan in force, read through the coordinators' reference
  co.start_hour(24.0);
  co.release(0, false, Duty::Inquiry, 25.0);
  const ExtraWork after = co.take_extra_work(48.0)[0];
  EXPECT_DOUBLE_EQ(before.overtime_hours, 3.0);
  EXPECT_DOUBLE_EQ(before.overtime_yen, 8500.0);
  EXPECT_DOUBLE_EQ(after.overtime_hours, 1.0);
  EXPECT_DOUBLE_EQ(after.overtime_yen, 4500.0);
}

// On Sunday 2024-04-07 the 休日 premium (+35%) replaces the 時間外 one: 1 hour at 2,700 yen.
TEST(Coordinators, OvertimeOnASundayIsPaidAtTheHolidayPremium) {
  Scenario sc = office_hours(9, 17);
  sc.centers[0].staff.hour_of_week[6 * 24 + 9] = 1;  // Sunday 9–10
  const sim::CivilCalendar calendar(date(2024, 4, 1));
  const double sunday = 6 * 24.0;
  Coordinators co(sc, calendar);
  co.start_hour(sunday + 9);
  co.take(0, false, Duty::Assessment, sunday + 9.5);
  co.start_hour(sunday + 10);
  co.release(0, false, Duty::Assessment, sunday + 11);
  const ExtraWork w = co.take_extra_work(sunday + 24)[0];
  EXPECT_DOUBLE_EQ(w.overtime_hours, 1.0);
  EXPECT_DOUBLE_EQ(w.overtime_yen, 2700.0);
}

// Nobody on duty at night; the on-call coordinator is called out at 2:00 and works until 3:30: the fee
// (5,000) and 1.5 hours at +25% +25% (1.5 x 3,000 = 4,500): 9,500 yen. The standby allowance is apart.
TEST(Coordinators, ACallOutIsPaidPerCallOutAndPerHourWorked) {
  Scenario sc = office_hours(9, 17);
  sc.centers[0].on_call_delay_hours = 0.5;
  sc.centers[0].call_out_fee_yen = 5000;
  sc.centers[0].on_call_cost_per_hour_yen = 300;
  const sim::CivilCalendar calendar(date(2024, 4, 1));
  const double tuesday = 24.0;
  Coordinators co(sc, calendar);
  co.start_hour(tuesday);
  ASSERT_EQ(co.free_at(0), FreeCoordinator::OnCall);
  co.take(0, true, Duty::Emergency, tuesday + 2);
  co.release(0, true, Duty::Emergency, tuesday + 3.5);
  const ExtraWork w = co.take_extra_work(tuesday + 5)[0];
  EXPECT_DOUBLE_EQ(w.call_outs, 1.0);
  EXPECT_DOUBLE_EQ(w.call_out_hours, 1.5);
  EXPECT_DOUBLE_EQ(w.call_out_yen, 9500.0);
  EXPECT_DOUBLE_EQ(w.overtime_hours, 0.0);
  EXPECT_DOUBLE_EQ(co.staff_cost_yen(tuesday, tuesday + 5), 1500.0);  // the allowance: 5 hours x 300
}

// Two on duty, three at work after one shift ends at 17:00 (two on the phone, one on an assessment) until
// 18:00: within the schedule 2 coordinator-hours split 2:1 between the duties as the work is, 1 hour overtime
// split the same way; utilisation by duty never exceeds the scheduled hours.
TEST(Coordinators, TimeBeyondTheScheduleIsNotCountedAsScheduledTime) {
  Scenario sc = office_hours(9, 17);
  sc.centers[0].staff.hour_of_week[17] = 2;  // Monday 17–18: two on duty
  for (int h = 9; h < 17; ++h) sc.centers[0].staff.hour_of_week[h] = 3;
  const sim::CivilCalendar calendar(date(2024, 4, 1));
  Coordinators co(sc, calendar);
  co.start_hour(16.0);
  co.take(0, false, Duty::Inquiry, 16.0);
  co.take(0, false, Duty::Inquiry, 16.0);
  co.take(0, false, Duty::Assessment, 16.0);
  co.start_hour(17.0);
  co.start_hour(18.0);
  for (int i = 0; i < 2; ++i) co.release(0, false, Duty::Inquiry, 18.0);
  co.release(0, false, Duty::Assessment, 18.0);
  const StaffHours& h = co.staff_hours(0, 24.0);
  const auto inquiry = static_cast<int>(Duty::Inquiry), assessment = static_cast<int>(Duty::Assessment);
  EXPECT_DOUBLE_EQ(h.busy[inquiry][16], 2.0);
  EXPECT_DOUBLE_EQ(h.busy[assessment][16], 1.0);
  EXPECT_DOUBLE_EQ(h.busy[inquiry][17] + h.busy[assessment][17], 2.0);
  EXPECT_NEAR(h.busy[inquiry][17], 4.0 / 3, 1e-12);
  EXPECT_NEAR(h.overtime[inquiry][17], 2.0 / 3, 1e-12);
  EXPECT_NEAR(h.overtime[assessment][17], 1.0 / 3, 1e-12);
}

// 常時2名体制 (min_at_phones = 1): alone on duty nobody leaves; of two, one may go out, and then not the other.
TEST(Coordinators, AVisitLeavesEnoughColleaguesAtThePhones) {
  Scenario sc = minimal_scenario();
  sc.centers[0].min_at_phones = 1;
  sc.centers[0].staff = testing::staff_all_hours(1);
  const sim::CivilCalendar calendar(date(2024, 4, 1));
  Coordinators alone(sc, calendar);
  alone.start_hour(10.0);
  EXPECT_TRUE(alone.on_duty_free(0));
  EXPECT_FALSE(alone.may_leave_for_visit(0));

  sc.centers[0].staff = testing::staff_all_hours(2);
  Coordinators two(sc, calendar);
  two.start_hour(10.0);
  ASSERT_TRUE(two.may_leave_for_visit(0));
  two.take(0, false, Duty::Assessment, 10.0);
  two.leave_for_visit(0);
  EXPECT_TRUE(two.on_duty_free(0));           // the other can still answer a call
  EXPECT_FALSE(two.may_leave_for_visit(0));   // but not go out too
  two.back_from_visit(0);
  EXPECT_TRUE(two.may_leave_for_visit(0));
}

}  // namespace
}  // namespace kyoten::hub
