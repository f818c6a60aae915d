// Hand-overs to the case workers' office: when it can take one (worked by hand on the 2024 calendar), and what a
// closed office does to the service measures over all emergencies.
#include <gtest/gtest.h>

#include <cmath>

#include "hub_fixture.hpp"
#include "models/hub/handover_office.hpp"
#include "models/hub/hub_model.hpp"

namespace kyoten::hub {
namespace {

using testing::date;

// 2024-04-01 is a Monday; 2024-04-29 (昭和の日) a Monday holiday. Times are hours since 2024-04-01 00:00.
constexpr double kHoursPerDay = 24;
const sim::CivilCalendar kCalendar{date(2024, 4, 1)};

TEST(HandoverOffice, OpenOnAWeekdayAfternoonTakesTheCaseAtOnce) {
  EXPECT_DOUBLE_EQ(*handover_opening(kCalendar, HandoverOffice{}, 10.0), 10.0);
}

TEST(HandoverOffice, AWeekdayEveningWaitsForTheNextMorning) {
  // Monday 20:00 → Tuesday 8:30: 12.5 h, within the default 16 h.
  EXPECT_DOUBLE_EQ(*handover_opening(kCalendar, HandoverOffice{}, 20.0), kHoursPerDay + 8.5);
  // Closing time itself is closed: Monday 17:15 → Tuesday 8:30.
  EXPECT_DOUBLE_EQ(*handover_opening(kCalendar, HandoverOffice{}, 17.25), kHoursPerDay + 8.5);
  // Before opening on a weekday: Tuesday 6:00 → 8:30 the same day.
  EXPECT_DOUBLE_EQ(*handover_opening(kCalendar, HandoverOffice{}, kHoursPerDay + 6), kHoursPerDay + 8.5);
}

TEST(HandoverOffice, AFridayEveningCannotWaitForMondayUnderTheDefault) {
  const double friday_8pm = 4 * kHoursPerDay + 20;  // Monday 8:30 is 60.5 h later
  EXPECT_FALSE(handover_opening(kCalendar, HandoverOffice{}, friday_8pm).has_value());
  HandoverOffice patient;
  patient.max_wait_hours = 60.5;
  EXPECT_DOUBLE_EQ(*handover_opening(kCalendar, patient, friday_8pm), 7 * kHoursPerDay + 8.5);
  patient.max_wait_hours = 60.4;
  EXPECT_FALSE(handover_opening(kCalendar, patient, friday_8pm).has_value());
}

TEST(HandoverOffice, APublicHolidayIsClosed) {
  HandoverOffice patient;
  patient.max_wait_hours = 72;
  const double sunday_4_28_evening = 27 * kHoursPerDay + 20;  // Monday 4/29 is 昭和の日: Tuesday 4/30 8:30
  EXPECT_DOUBLE_EQ(*handover_opening(kCalendar, patient, sunday_4_28_evening), 29 * kHoursPerDay + 8.5);
}

TEST(HandoverOffice, AnOfficeOpenEveryDayTakesWeekendCases) {
  HandoverOffice every_day;
  every_day.every_day = true;
  const double saturday_7am = 5 * kHoursPerDay + 7;
  EXPECT_DOUBLE_EQ(*handover_opening(kCalendar, every_day, saturday_7am), 5 * kHoursPerDay + 8.5);
}

// Every emergency is a family-wide problem handed over, and every call comes at a weekend or on a holiday.
Scenario weekend_handovers() {
  Scenario sc = testing::minimal_scenario();
  sc.calls.band_share = {0, 0, 0, 1};
  sc.calls.emergency_share = {1, 1, 1, 1};
  sc.calls.p_handover = 1;
  sc.calls.per_registrant_per_year = 2;
  return sc;
}

TEST(HandoverOffice, HandOversAtWeekendsFailWhenTheOfficeCannotBeReached) {
  Scenario sc = weekend_handovers();
  sc.calls.handover_office.max_wait_hours = 0;  // no referral waits: a closed office means unresolved
  const ReplicationResult r = simulate_replication(sc, 3, 0);
  const auto k = [&](const char* key) { return r.kpi[kpi_index(key)]; };
  ASSERT_GT(k("emergencies"), 50);
  EXPECT_EQ(k("outcome_handed_over"), 0);
  EXPECT_EQ(k("outcome_unresolved"), k("handovers_failed"));
  // Cases still in their 30-minute hand-over call at the end have no outcome yet.
  EXPECT_NEAR(k("outcome_unresolved"), k("emergencies"), 1);
  EXPECT_DOUBLE_EQ(k("not_arranged_share"), 1.0);
  EXPECT_DOUBLE_EQ(k("not_arranged_weekend_holiday"), 1.0);
  EXPECT_DOUBLE_EQ(k("arrange_within_4h"), 0.0);  // nothing the hub arranged
  EXPECT_TRUE(std::isnan(k("arrange_within_4h_if_arranged")));  // and nothing to condition on
}

TEST(HandoverOffice, AnOfficeOpenEveryDayTakesEveryHandOverButTheHubStillArrangedNone) {
  Scenario sc = weekend_handovers();
  sc.calls.handover_office = {0, 24, 0, true};
  const ReplicationResult r = simulate_replication(sc, 3, 0);
  const auto k = [&](const char* key) { return r.kpi[kpi_index(key)]; };
  ASSERT_GT(k("emergencies"), 50);
  EXPECT_EQ(k("outcome_unresolved"), 0);
  EXPECT_NEAR(k("outcome_handed_over"), k("emergencies"), 1);
  EXPECT_DOUBLE_EQ(k("not_arranged_share"), 1.0);
  EXPECT_DOUBLE_EQ(k("arrange_within_24h"), 0.0);
}

}  // namespace
}  // namespace kyoten::hub
