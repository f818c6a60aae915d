// Every duty on the clock: planned work booked into free hours, desk work interrupted by calls and resumed,
// visits that keep a colleague at the phones, and each duty's hours in the utilisation by duty. Each case is
// small enough to be worked by hand.
#include <gtest/gtest.h>

#include <numeric>

#include "hub_fixture.hpp"
#include "models/hub/hub_model.hpp"

namespace kyoten::hub {
namespace {

using testing::date;
using testing::minimal_scenario;

// Coordinator-hours on `duty` over the run, within the schedule and beyond it.
double duty_hours(const ReplicationResult& r, Duty duty) {
  double total = 0;
  for (const StaffRecord& s : r.staff) {
    if (s.duty != static_cast<int>(duty)) continue;
    total += std::accumulate(s.busy_hours.begin(), s.busy_hours.end(), 0.0);
    total += std::accumulate(s.overtime_hours.begin(), s.overtime_hours.end(), 0.0);
  }
  return total;
}

StaffSchedule weekday_office(int count) {
  StaffSchedule office;
  for (int day = 0; day < 5; ++day) {
    for (int h = 9; h < 17; ++h) office.hour_of_week[day * 24 + h] = count;
  }
  return office;
}

// Ten unassessed registrants, one coordinator on weekdays 9–17, assessments of 8 hours at the desk, and calls
// only in office hours (about three a day, 6 minutes each). Each call finds the coordinator at an assessment,
// which is put aside for it: calls wait only for one another, never for an assessment. The ten assessments
// still take exactly 80 coordinator-hours in all (the time an interrupted one still needed is what it gets on
// resuming), and the calls 6 minutes each.
TEST(PlannedDuties, InterruptedDeskWorkResumesAndItsTotalTimeIsConserved) {
  Scenario sc = minimal_scenario();
  sc.horizon = {date(2024, 6, 3), date(2024, 7, 1), 0};
  sc.registration.initial_registrants = 10;
  sc.assessment.initial_registrants_assessed = false;
  sc.assessment.staff_hours = sim::Distribution(sim::Constant{8});
  sc.calls.per_registrant_per_year = 0;
  sc.calls.unregistered_per_year = 3 * 5 * 365.25 / 7;  // three calls a weekday, all in office hours
  sc.calls.band_share = {1, 0, 0, 0};
  sc.calls.inquiry_minutes = sim::Distribution(sim::Constant{6});
  sc.centers[0].staff = weekday_office(1);
  const ReplicationResult r = simulate_replication(sc, 11, 0);
  const double calls = r.kpi[kpi_index("calls")];
  ASSERT_GT(calls, 30);
  EXPECT_EQ(r.kpi[kpi_index("assessments_done")], 10);
  EXPECT_NEAR(duty_hours(r, Duty::Assessment), 80.0, 1e-9);
  EXPECT_NEAR(duty_hours(r, Duty::Inquiry), calls * 0.1, 1e-9);
  // Waiting only behind another 6-minute call: far below the hours an uninterrupted assessment would impose.
  EXPECT_LT(r.kpi[kpi_index("answer_mean_min")], 6.0);
}

// The same without calls but with visits under 常時2名体制 (min_at_phones = 1): with two on duty in office hours
// one may go out, so visits (2 h) with their write-ups (1 h) are booked one after another into that one
// coordinator's free hours, never two at once; a third colleague would let two go out. Ten visits of 3 hours:
// 30 hours, i.e. 3¾ days of one coordinator's 8 office hours; none at all with one on duty.
TEST(PlannedDuties, VisitsAreBookedOnlyIntoHoursWhenAColleagueStaysAtThePhone) {
  Scenario sc = minimal_scenario();
  sc.horizon = {date(2024, 6, 3), date(2024, 7, 1), 0};
  sc.registration.initial_registrants = 10;
  sc.assessment.initial_registrants_assessed = false;
  sc.assessment.visit_hours = sim::Distribution(sim::Constant{2});
  sc.assessment.staff_hours = sim::Distribution(sim::Constant{1});
  sc.calls.per_registrant_per_year = 0;
  sc.centers[0].min_at_phones = 1;
  sc.centers[0].staff = weekday_office(1);
  const ReplicationResult alone = simulate_replication(sc, 3, 0);
  EXPECT_EQ(alone.kpi[kpi_index("assessments_done")], 0);
  EXPECT_EQ(alone.kpi[kpi_index("assessment_backlog_end")], 10);

  sc.centers[0].staff = weekday_office(2);
  const ReplicationResult two = simulate_replication(sc, 3, 0);
  EXPECT_EQ(two.kpi[kpi_index("assessments_done")], 10);
  EXPECT_NEAR(duty_hours(two, Duty::Assessment), 30.0, 1e-9);
  // Booked one after another: the k-th starts 3k hours into the office hours from Monday 9:00 (k = 0…9), so
  // the waits are 9, 12, 15 h on Monday, (Tuesday) 24+8, 24+11, 24+14 h … : worked out as office-hour offsets.
  double wait_hours = 0;
  for (int k = 0; k < 10; ++k) {
    const int offset = 3 * k;  // office hours from Monday 9:00
    wait_hours += 24.0 * (offset / 8) + 9 + offset % 8;
  }
  EXPECT_NEAR(two.kpi[kpi_index("assessment_wait_days_mean")], wait_hours / 10 / 24, 1e-9);
}

// Each duty's hours appear under its own name in the utilisation by duty: one new registrant a day for three
// weeks, then none for a week, brings an intake (1 h) and an assessment (2 h at the desk) each, and the
// monthly liaison meeting (3 h, one attendee) is held on the first weekday of the month (June 2024: Monday
// 3 June; July's falls after the horizon). Two coordinators on weekday office hours have time for all of it
// before the horizon ends, so the hours by duty are the counts times the durations.
TEST(PlannedDuties, EachDutysHoursAppearInTheUtilisationByDuty) {
  Scenario sc = minimal_scenario();
  sc.horizon = {date(2024, 6, 1), date(2024, 6, 29), 0};
  sc.registration.initial_registrants = 0;
  sc.registration.expected_registered = {{date(2024, 6, 1), 0}, {date(2024, 6, 22), 21}, {date(2024, 6, 29), 21}};
  sc.assessment.staff_hours = sim::Distribution(sim::Constant{2});
  sc.calls.per_registrant_per_year = 0;
  sc.duties.intake.hours = sim::Distribution(sim::Constant{1});
  sc.duties.meeting.hours = sim::Distribution(sim::Constant{3});
  sc.duties.meeting_every_months = 1;
  sc.centers[0].staff = weekday_office(2);
  const ReplicationResult r = simulate_replication(sc, 5, 0);
  const double registrations = r.kpi[kpi_index("registrations")];
  ASSERT_GT(registrations, 5);
  EXPECT_EQ(r.kpi[kpi_index("assessments_done")], registrations);
  EXPECT_NEAR(duty_hours(r, Duty::Intake), registrations * 1.0, 1e-9);
  EXPECT_NEAR(duty_hours(r, Duty::Assessment), registrations * 2.0, 1e-9);
  EXPECT_NEAR(duty_hours(r, Duty::Meeting), 3.0, 1e-9);
  for (Duty idle : {Duty::Inquiry, Duty::Emergency, Duty::Escort, Duty::FollowUp, Duty::Liaison}) {
    EXPECT_EQ(duty_hours(r, idle), 0.0) << kDutyKeys[static_cast<int>(idle)];
  }
}

// Five unassessed registrants, one coordinator on weekday office hours, first assessments of 2 hours at the desk
// and re-assessments of 1 hour (a duration of their own, [duties.reassessment]) falling due 7 days after each
// assessment. The run ends on a Saturday, when no work is in progress: every assessment after the first five is
// a re-assessment, so the assessment hours are 5 x 2 + (done - 5) x 1. Without a duration of their own the
// re-assessments take the first assessment's 2 hours.
TEST(PlannedDuties, ReassessmentsTakeADurationOfTheirOwn) {
  Scenario sc = minimal_scenario();
  sc.horizon = {date(2024, 6, 3), date(2024, 6, 29), 0};
  sc.registration.initial_registrants = 5;
  sc.assessment.initial_registrants_assessed = false;
  sc.assessment.staff_hours = sim::Distribution(sim::Constant{2});
  sc.assessment.reassessment_interval_days = 7;
  sc.calls.per_registrant_per_year = 0;
  sc.centers[0].staff = weekday_office(1);
  const ReplicationResult same = simulate_replication(sc, 9, 0);
  const double done_same = same.kpi[kpi_index("assessments_done")];
  ASSERT_GT(done_same, 10);
  EXPECT_NEAR(duty_hours(same, Duty::Assessment), 2.0 * done_same, 1e-9);

  sc.duties.reassessment_staff_hours = sim::Distribution(sim::Constant{1});
  const ReplicationResult own = simulate_replication(sc, 9, 0);
  const double done = own.kpi[kpi_index("assessments_done")];
  ASSERT_GT(done, 10);
  EXPECT_NEAR(duty_hours(own, Duty::Assessment), 5 * 2.0 + (done - 5) * 1.0, 1e-9);
}

// Escort (付添) is a visit like any other: under 常時2名体制 (min_at_phones = 1) a coordinator alone on duty
// cannot leave the phones to take the person to the facility, so no escort hours at all while emergency short
// stays are arranged; with min_at_phones = 0 the same coordinator escorts every one (share 1, 2 hours each). An
// escort still under way when the run ends is counted up to the end, hence the tolerance of one escort.
TEST(PlannedDuties, AnEscortLeavesOnlyWhenEnoughColleaguesStayAtThePhones) {
  Scenario sc = minimal_scenario();
  sc.horizon = {date(2024, 4, 1), date(2024, 7, 1), 0};
  sc.calls.emergency_share = {1, 1, 1, 1};
  sc.duties.escort.hours = sim::Distribution(sim::Constant{2});
  sc.duties.escort.visit = true;
  sc.duties.escort_share = 1;
  sc.centers[0].staff = testing::staff_all_hours(1);
  sc.centers[0].min_at_phones = 1;
  const ReplicationResult alone = simulate_replication(sc, 4, 0);
  ASSERT_GT(alone.kpi[kpi_index("outcome_short_stay")], 5);
  EXPECT_EQ(duty_hours(alone, Duty::Escort), 0.0);

  sc.centers[0].min_at_phones = 0;
  const ReplicationResult free_to_go = simulate_replication(sc, 4, 0);
  const double stays = free_to_go.kpi[kpi_index("outcome_short_stay")];
  ASSERT_GT(stays, 5);
  EXPECT_NEAR(duty_hours(free_to_go, Duty::Escort), 2.0 * stays, 2.0);
  EXPECT_GE(duty_hours(free_to_go, Duty::Escort), 2.0 * (stays - 1));

  // Two on duty under 常時2名体制: one may go while the other stays, so escorts happen.
  sc.centers[0].staff = testing::staff_all_hours(2);
  sc.centers[0].min_at_phones = 1;
  const ReplicationResult pair = simulate_replication(sc, 4, 0);
  EXPECT_GT(duty_hours(pair, Duty::Escort), 0.0);
}

}  // namespace
}  // namespace kyoten::hub
