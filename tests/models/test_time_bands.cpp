// Reporting bands of the week (models/hub/time_bands.hpp) against the hand-counted default bands:
// weekday daytime 09–17, evening 17–22, night 22–09, and weekends and public holidays as one band.
#include "models/hub/time_bands.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <numeric>

using namespace kyoten::hub;
using namespace std::chrono;

TEST(TimeBands, WeekdayHoursFallInTheirBandAtTheBoundaries) {
  const TimeBandHours h;  // 9, 17, 22
  EXPECT_EQ(weekday_band(0, h), TimeBand::WeekdayNight);
  EXPECT_EQ(weekday_band(8, h), TimeBand::WeekdayNight);
  EXPECT_EQ(weekday_band(9, h), TimeBand::WeekdayDaytime);
  EXPECT_EQ(weekday_band(16, h), TimeBand::WeekdayDaytime);
  EXPECT_EQ(weekday_band(17, h), TimeBand::WeekdayEvening);
  EXPECT_EQ(weekday_band(21, h), TimeBand::WeekdayEvening);
  EXPECT_EQ(weekday_band(22, h), TimeBand::WeekdayNight);
  EXPECT_EQ(weekday_band(23, h), TimeBand::WeekdayNight);
}

TEST(TimeBands, HoursPerWeekAreCountedByHand) {
  // Daytime 8 h × 5 = 40, evening 5 h × 5 = 25, night 11 h × 5 = 55, weekend 2 × 24 = 48; 168 in all.
  const auto n = band_hours_per_week(TimeBandHours{});
  EXPECT_EQ(n, (std::array<int, kTimeBands>{40, 25, 55, 48}));
  // Office hours 08:30 written as 8–18, evening to 21: 50, 15, 55, 48.
  EXPECT_EQ(band_hours_per_week(TimeBandHours{8, 18, 21}), (std::array<int, kTimeBands>{50, 15, 55, 48}));
}

TEST(TimeBands, ProfileGivesEachBandItsShareOfCallsWithMeanOne) {
  const std::array<double, kTimeBands> share = {0.5, 0.2, 0.1, 0.2};
  const auto p = band_profile(share, TimeBandHours{});
  // Daytime multiplier = 0.5 · 168 / 40 = 2.1; night 0.1 · 168 / 55; weekend 0.2 · 168 / 48 = 0.7.
  EXPECT_DOUBLE_EQ(p.hour_of_week[10], 2.1);                         // Monday 10:00
  EXPECT_DOUBLE_EQ(p.hour_of_week[2 * 24 + 23], 0.1 * 168 / 55);     // Wednesday 23:00
  EXPECT_DOUBLE_EQ(p.hour_of_week[5 * 24 + 10], 0.7);                // Saturday 10:00
  for (double m : p.holiday) EXPECT_DOUBLE_EQ(m, 0.7);               // holidays take the weekend's
  const double total = std::accumulate(p.hour_of_week.begin(), p.hour_of_week.end(), 0.0);
  EXPECT_NEAR(total, 168.0, 1e-9);
  double daytime = 0;
  for (int day = 0; day < 5; ++day)
    for (int hour = 9; hour < 17; ++hour) daytime += p.hour_of_week[day * 24 + hour];
  EXPECT_NEAR(daytime / total, 0.5, 1e-12);
}

TEST(TimeBands, ABandWithNoHoursGetsNoCalls) {
  // Evening starts when night starts: no evening hours, and its multiplier is 0 rather than a division by zero.
  const auto p = band_profile({0.5, 0.2, 0.1, 0.2}, TimeBandHours{9, 22, 22});
  EXPECT_EQ(band_hours_per_week(TimeBandHours{9, 22, 22})[1], 0);
  for (double m : p.hour_of_week) EXPECT_TRUE(std::isfinite(m));
}

TEST(TimeBands, BandAtUsesTheCalendarsWeekdaysAndHolidays) {
  // 2024-01-01 is a Monday and 元日; 01-02 a working Tuesday; 01-06 a Saturday; 01-08 成人の日 (2nd Monday).
  const kyoten::sim::CivilCalendar cal(sys_days{2024y / January / 1});
  const TimeBandHours h;
  EXPECT_EQ(band_at(cal, cal.time_of(sys_days{2024y / January / 1}, 10.5), h), TimeBand::WeekendHoliday);
  EXPECT_EQ(band_at(cal, cal.time_of(sys_days{2024y / January / 2}, 10.5), h), TimeBand::WeekdayDaytime);
  EXPECT_EQ(band_at(cal, cal.time_of(sys_days{2024y / January / 2}, 17.0), h), TimeBand::WeekdayEvening);
  EXPECT_EQ(band_at(cal, cal.time_of(sys_days{2024y / January / 3}, 3.0), h), TimeBand::WeekdayNight);
  EXPECT_EQ(band_at(cal, cal.time_of(sys_days{2024y / January / 6}, 10.5), h), TimeBand::WeekendHoliday);
  EXPECT_EQ(band_at(cal, cal.time_of(sys_days{2024y / January / 8}, 10.5), h), TimeBand::WeekendHoliday);
}
