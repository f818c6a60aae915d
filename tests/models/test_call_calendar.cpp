// The calendar as offices keep it: month-of-year seasonality and a 168-hour profile for calls, both keeping the
// stated yearly number of calls, and the year-end closure counted as holidays.
#include <gtest/gtest.h>

#include <chrono>

#include "hub_fixture.hpp"
#include "models/hub/hub_model.hpp"
#include "sim/time/civil_calendar.hpp"

namespace kyoten::hub {
namespace {

// 5,000 calls a year; January three times as busy as any other month. FY2024 (1 April 2024 – 31 March 2025) has
// 365 days, so January's expected share is 3·31 / (3·31 + 334) = 93/427 (the year's total unchanged).
TEST(CallCalendar, JanuaryThreeTimesAsBusyTakesItsShareAndTheYearKeepsItsTotal) {
  Scenario sc = testing::minimal_scenario();
  sc.calls.per_registrant_per_year = 50;
  sc.calls.month_factor = {3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
  const ReplicationResult r = simulate_replication(sc, 4, 0);
  double total = 0, january = 0;
  for (const MonthRecord& m : r.months) {
    total += m.calls;
    if (m.month == 1) january += m.calls;
  }
  EXPECT_NEAR(january / total, 93.0 / 427.0, 0.02);  // sd about 0.006
  EXPECT_NEAR(total, 5000, 5000 * 0.05);              // sd about 71
}

// Every call in the hour Monday 10:00–11:00: all fall in the weekday-daytime band (a holiday Monday takes
// Sunday's hours, which have none), and the year still brings the stated number.
TEST(CallCalendar, AnHourOfWeekProfilePutsCallsWhereItSays) {
  Scenario sc = testing::minimal_scenario();
  sc.calls.per_registrant_per_year = 50;
  std::array<double, sim::kHoursPerWeek> profile{};
  profile[10] = 1;
  sc.calls.hour_of_week_profile = profile;
  const ReplicationResult r = simulate_replication(sc, 4, 0);
  const auto k = [&](const char* key) { return r.kpi[kpi_index(key)]; };
  EXPECT_EQ(k("calls_weekday_daytime"), k("calls"));
  EXPECT_NEAR(k("calls"), 5000, 5000 * 0.05);
}

// The year-end closure makes 30–31 December and 2–3 January holidays: with calls only on weekends and holidays,
// December's and January's shares of the year's calls are their weekend-and-holiday days over the year's,
// counted here on the civil calendar itself (with and without the closure).
TEST(CallCalendar, YearEndClosureDaysTakeTheHolidayBand) {
  Scenario sc = testing::minimal_scenario();
  sc.calls.per_registrant_per_year = 200;  // 20,000 calls a year: a month's share is known to about ±0.002
  sc.calls.band_share = {0, 0, 0, 1};      // calls only on weekends and holidays
  for (bool closure : {false, true}) {
    sc.calendar.year_end_closure = closure;
    sim::CivilCalendar calendar(sc.horizon.start);
    if (closure) {
      using namespace std::chrono;
      calendar.close_every_year(December / 29, January / 3);
    }
    double off_days = 0, december_off = 0, january_off = 0;
    for (int d = 0; d < 365; ++d) {
      const double t = d * 24.0 + 12;
      if (calendar.day_type(t) == sim::DayType::Weekday) continue;
      off_days += 1;
      const unsigned month = static_cast<unsigned>(calendar.ymd_at(t).month());
      december_off += month == 12 ? 1 : 0;
      january_off += month == 1 ? 1 : 0;
    }
    const ReplicationResult r = simulate_replication(sc, 4, 0);
    double total = 0, december = 0, january = 0;
    for (const MonthRecord& m : r.months) {
      total += m.calls;
      december += m.month == 12 ? m.calls : 0;
      january += m.month == 1 ? m.calls : 0;
    }
    EXPECT_NEAR(december / total, december_off / off_days, 0.008) << closure;
    EXPECT_NEAR(january / total, january_off / off_days, 0.008) << closure;
  }
}

}  // namespace
}  // namespace kyoten::hub
