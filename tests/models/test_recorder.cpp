// The recorder: the statistics window, what it counts, the utilisation and the costs of a day and a month,
// each checked against figures worked by hand.
#include <gtest/gtest.h>

#include <cmath>
#include <string_view>

#include "hub_fixture.hpp"
#include "models/hub/recorder.hpp"

namespace kyoten::hub {
namespace {

using testing::date;

using testing::kpi;

double center_line_yen(const ReplicationResult& r) {
  double yen = 0;
  for (const CostRecord& c : r.costs) yen += c.line == "center" ? c.yen : 0;
  return yen;
}

struct RecorderCase : ::testing::Test {
  Scenario sc = testing::minimal_scenario();
  sim::CivilCalendar calendar{date(2024, 4, 1)};  // Monday; statistics start a day later
  double t_start = 24.0, t_end = 24.0 * 30;
  ReplicationResult results_at(Recorder& rec, double now) {
    Coordinators co(sc, calendar);
    return rec.results(now, EndState{}, co);
  }
};

TEST_F(RecorderCase, NothingBeforeTheWarmUpEndsCounts) {
  Recorder rec(sc, calendar, t_start, t_end);
  rec.registration();
  rec.call(TimeBand::WeekdayDaytime, true, t_start - 1);
  rec.charge(CostLine::CareTaxi, 1000);
  EXPECT_FALSE(rec.collecting());
  rec.start(t_start);
  rec.begin_day(t_start, 0, 0);
  rec.registration();
  rec.call(TimeBand::WeekdayNight, false, t_start);
  EXPECT_TRUE(rec.counts(t_start));
  EXPECT_FALSE(rec.counts(t_start - 1));  // a call from the warm-up stays out even when it ends later
  rec.outcome(t_start - 1, TimeBand::WeekdayNight, Outcome::ShortStay, t_start + 2);
  const ReplicationResult r = results_at(rec, t_start + 1);
  EXPECT_EQ(kpi(r, "registrations"), 1);
  EXPECT_EQ(kpi(r, "calls"), 1);
  EXPECT_EQ(kpi(r, "inquiries"), 1);
  EXPECT_EQ(kpi(r, "emergencies"), 0);
  EXPECT_EQ(kpi(r, "outcome_short_stay"), 0);
  EXPECT_DOUBLE_EQ(kpi(r, "cost_total_yen"), 0);
}

// Deadline 3 days, and for two of them an extra grace of 4 days (fell due while a grace was in force): waits of
// 2, 5 and 8 days under the grace and 5 days without it. Late (past 3 days): 5, 8, 5 — 3 of 4. Past the
// deadline and grace (7 days under the grace, 3 without): 8 and the 5 without grace — 2 of 4.
TEST_F(RecorderCase, AssessmentWaitLateShareAgainstTheDeadlineAndPastGraceShareAgainstItsGrace) {
  Recorder rec(sc, calendar, t_start, t_end);
  rec.start(t_start);
  rec.begin_day(t_start, 0, 0);
  Registrant graced, plain;
  graced.assessment_due_at = plain.assessment_due_at = t_start;
  graced.assessment_late_after_days = plain.assessment_late_after_days = 3;
  graced.assessment_grace_after_days = 7;
  plain.assessment_grace_after_days = 3;
  rec.assessment_started(assessment_wait(graced, t_start + 2 * 24.0));  // in time
  rec.assessment_started(assessment_wait(graced, t_start + 5 * 24.0));  // late, within the grace
  rec.assessment_started(assessment_wait(graced, t_start + 8 * 24.0));  // late, past the grace
  rec.assessment_started(assessment_wait(plain, t_start + 5 * 24.0));   // late, no grace
  const ReplicationResult r = results_at(rec, t_start + 9 * 24.0);
  EXPECT_DOUBLE_EQ(kpi(r, "assessment_wait_days_mean"), 5.0);
  EXPECT_DOUBLE_EQ(kpi(r, "assessments_late_share"), 0.75);
  EXPECT_DOUBLE_EQ(kpi(r, "assessments_late_past_grace_share"), 0.5);
}

// One coordinator on duty all day, busy from 10:00 to 16:00: 6 of 24 hours.
TEST_F(RecorderCase, UtilisationIsBusyOverScheduledHours) {
  sc.centers[0].staff = testing::staff_all_hours(1);
  Recorder rec(sc, calendar, t_start, t_end);
  Coordinators co(sc, calendar);
  co.start_hour(t_start);
  rec.start(t_start);
  rec.begin_day(t_start, 0, 0);
  co.restart_statistics(t_start);
  co.take(0, false, Duty::Inquiry, t_start + 10);
  co.release(0, false, Duty::Inquiry, t_start + 16);
  rec.close_hours(t_start + 24, co);
  const ReplicationResult r = rec.results(t_start + 24, EndState{}, co);
  EXPECT_DOUBLE_EQ(kpi(r, "staff_utilisation"), 0.25);
  EXPECT_DOUBLE_EQ(r.staff_utilisation[24 + 10], 1.0);  // Tuesday 10:00
  EXPECT_DOUBLE_EQ(r.staff_utilisation[24 + 9], 0.0);
}

// A day closed at midnight carries its share of the yearly fixed cost: FY2024 has 365 days.
TEST_F(RecorderCase, DayClosingChargesTheFixedCostPerDayOfItsFiscalYear) {
  sc.centers[0].staff = testing::staff_all_hours(0);
  sc.centers[0].fixed_cost_per_year_yen = 3'650'000;
  Recorder rec(sc, calendar, t_start, t_end);
  Coordinators co(sc, calendar);
  co.start_hour(t_start);
  rec.start(t_start);
  rec.begin_day(t_start, 0, 0);
  rec.close_hours(t_start + 24, co);
  EXPECT_FALSE(rec.closes_day_ending(t_start));  // the day before statistics began
  ASSERT_TRUE(rec.closes_day_ending(t_start + 24));
  rec.close_day(t_start + 24, 48.0, 0);  // 48 bed-hours in the day: two beds in use on average
  const ReplicationResult r = rec.results(t_start + 24, EndState{}, co);
  EXPECT_DOUBLE_EQ(center_line_yen(r), 10'000.0);
  ASSERT_EQ(r.days.size(), 1u);
  EXPECT_DOUBLE_EQ(r.days[0].short_stay_beds_in_use_mean, 2.0);
}

TEST_F(RecorderCase, MonthClosesAtTheFirstWithTheRegisterAndBacklog) {
  Recorder rec(sc, calendar, t_start, t_end);
  rec.start(t_start);
  rec.begin_day(t_start, 0, 0);
  const double may_first = calendar.time_of(date(2024, 5, 1));
  EXPECT_FALSE(rec.closes_month_starting(may_first - 24));
  ASSERT_TRUE(rec.closes_month_starting(may_first));
  rec.registration();
  rec.close_month(may_first, 120, 4);
  const ReplicationResult r = results_at(rec, may_first);
  ASSERT_EQ(r.months.size(), 1u);
  EXPECT_EQ(r.months[0].month, 4);
  EXPECT_EQ(r.months[0].fiscal_year, 2024);
  EXPECT_EQ(r.months[0].registrants_end, 120);
  EXPECT_EQ(r.months[0].assessment_backlog_end, 4);
  EXPECT_EQ(r.months[0].registrations, 1);
}

TEST_F(RecorderCase, DailyExtremesOfHubRoomsAndEmergencyBeds) {
  Recorder rec(sc, calendar, t_start, t_end);
  rec.start(t_start);
  rec.begin_day(t_start, 0, 0);
  rec.hub_rooms_changed(t_start + 1, +1, 1);
  rec.hub_rooms_changed(t_start + 2, +1, 2);
  rec.hub_rooms_changed(t_start + 3, -1, 1);
  rec.emergency_beds_changed(t_start + 1, +1);
  rec.emergency_beds_changed(t_start + 2, -1);
  rec.close_day(t_start + 24, 0, 0);
  const ReplicationResult r = results_at(rec, t_start + 24);
  ASSERT_EQ(r.days.size(), 1u);
  EXPECT_EQ(r.days[0].hub_rooms_in_use_max, 2);
  EXPECT_EQ(r.days[0].hub_rooms_in_use_min, 0);
  EXPECT_EQ(r.days[0].emergency_beds_in_use_max, 1);
  // One emergency bed held for one hour.
  EXPECT_DOUBLE_EQ(kpi(r, "emergency_bed_days"), 1.0 / 24);
}

// Work beyond the schedule is paid to the center's line in the fiscal year it is done, and counted per center;
// the warm-up's is not.
TEST_F(RecorderCase, ExtraWorkIsChargedAndCountedByFiscalYearAndCenter) {
  Recorder rec(sc, calendar, t_start, t_end);
  const ExtraWork warm_up{5, 5000, 1, 1, 1000};
  rec.extra_work(std::span<const ExtraWork>(&warm_up, 1));
  rec.start(t_start);
  rec.begin_day(t_start, 0, 0);
  const ExtraWork day{2, 5000, 1, 1.5, 9500};
  rec.extra_work(std::span<const ExtraWork>(&day, 1));
  rec.extra_work(std::span<const ExtraWork>(&day, 1));
  const ReplicationResult r = results_at(rec, t_start + 24);
  EXPECT_DOUBLE_EQ(center_line_yen(r), 2 * (5000.0 + 9500.0));
  EXPECT_DOUBLE_EQ(kpi(r, "overtime_hours"), 4.0);
  EXPECT_DOUBLE_EQ(kpi(r, "call_outs"), 2.0);
  EXPECT_DOUBLE_EQ(kpi(r, "call_out_hours"), 3.0);
  ASSERT_EQ(r.overtime.size(), 1u);
  EXPECT_EQ(r.overtime[0].fiscal_year, 2024);
  EXPECT_EQ(r.overtime[0].center, 0);
  EXPECT_DOUBLE_EQ(r.overtime[0].work.overtime_yen, 10000.0);
}

// A case counts in the fiscal year of its call; a registration in the year it happens. Worked by hand over the
// window 2025-03-01 .. 2025-05-01 (FY2024's March and FY2025's April):
//   FY2024: an emergency called 3/31 23:00, answered 4 min later (4/1 00:03), arranged 2 h later (4/1 01:00);
//           one registration on 3/31.
//   FY2025: an emergency called 4/1 00:30, answered 10 min later, unresolved at 05:00; an inquiry called 4/1
//           10:00, answered at 10:06; one registration on 4/1.
// So FY2024 has 1 call, 1 emergency, all arranged within 4 h, answers after 4 min on average; FY2025 has 2 calls,
// 1 emergency, none arranged (not arranged 100%, 1 unresolved), answers after (10 + 6) / 2 = 8 min.
TEST(RecorderYears, EventsOnMarch31AndApril1FallInDifferentFiscalYears) {
  Scenario sc = testing::minimal_scenario();
  const sim::CivilCalendar calendar{date(2025, 3, 1)};
  const double march31 = calendar.time_of(date(2025, 3, 31));
  const double april1 = calendar.time_of(date(2025, 4, 1));
  Recorder rec(sc, calendar, 0.0, calendar.time_of(date(2025, 5, 1)));
  rec.start(0.0);
  rec.begin_day(0.0, 0, 0);
  rec.registration();  // in force: FY2024
  rec.call(TimeBand::WeekdayNight, true, march31 + 23);
  rec.answered(march31 + 23, march31 + 23 + 4.0 / 60);
  rec.enter_fiscal_year(2025);  // the midnight of 4/1
  rec.registration();
  rec.outcome(march31 + 23, TimeBand::WeekdayNight, Outcome::ShortStay, april1 + 1);
  rec.call(TimeBand::WeekdayNight, true, april1 + 0.5);
  rec.answered(april1 + 0.5, april1 + 0.5 + 10.0 / 60);
  rec.outcome(april1 + 0.5, TimeBand::WeekdayNight, Outcome::Unresolved, april1 + 5);
  rec.call(TimeBand::WeekdayDaytime, false, april1 + 10);
  rec.answered(april1 + 10, april1 + 10 + 6.0 / 60);
  Coordinators co(sc, calendar);
  const ReplicationResult r = rec.results(april1 + 24, EndState{}, co);

  ASSERT_EQ(r.years.size(), 2u);
  const auto year = [&](std::size_t y, std::string_view key) {
    for (std::size_t i = 0; i < kYearKpiCount; ++i)
      if (kKpis[kYearKpis[i]].key == key) return r.years[y].kpi[i];
    ADD_FAILURE() << key << " is not a per-year KPI";
    return -1.0;
  };
  EXPECT_EQ(r.years[0].fiscal_year, 2024);
  EXPECT_EQ(year(0, "registrations"), 1);
  EXPECT_EQ(year(0, "calls"), 1);
  EXPECT_EQ(year(0, "emergencies"), 1);
  EXPECT_EQ(year(0, "outcome_unresolved"), 0);
  EXPECT_DOUBLE_EQ(year(0, "arrange_within_4h"), 1.0);  // arranged on 4/1, counted with its call on 3/31
  EXPECT_DOUBLE_EQ(year(0, "arrange_mean_h"), 2.0);
  EXPECT_DOUBLE_EQ(year(0, "not_arranged_share"), 0.0);
  EXPECT_NEAR(year(0, "answer_mean_min"), 4.0, 1e-9);

  EXPECT_EQ(r.years[1].fiscal_year, 2025);
  EXPECT_EQ(year(1, "registrations"), 1);
  EXPECT_EQ(year(1, "calls"), 2);
  EXPECT_EQ(year(1, "emergencies"), 1);
  EXPECT_EQ(year(1, "outcome_unresolved"), 1);
  EXPECT_DOUBLE_EQ(year(1, "arrange_within_4h"), 0.0);
  EXPECT_DOUBLE_EQ(year(1, "not_arranged_share"), 1.0);
  EXPECT_TRUE(std::isnan(year(1, "arrange_mean_h")));  // nothing arranged in FY2025
  EXPECT_NEAR(year(1, "answer_mean_min"), 8.0, 1e-9);    // 10 and 6 minutes

  // The horizon's figures are over both years: 3 calls, half the emergencies arranged within 4 h.
  EXPECT_EQ(kpi(r, "calls"), 3);
  EXPECT_DOUBLE_EQ(kpi(r, "arrange_within_4h"), 0.5);
}

}  // namespace
}  // namespace kyoten::hub
