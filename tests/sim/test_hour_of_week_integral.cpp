#include "sim/stats/hour_of_week_integral.hpp"

#include <gtest/gtest.h>

#include <numeric>

namespace kyoten::sim {
namespace {

TEST(HourOfWeekIntegral, SplitsAnIntervalAcrossTheHoursItCovers) {
  // Origin on a Wednesday midnight (hour of week 48). Level 2 from 09:30 to 11:15 Wednesday.
  HourOfWeekIntegral busy(48);
  busy.set(9.5, 2);
  busy.set(11.25, 0);
  const auto& h = busy.totals(24);
  EXPECT_DOUBLE_EQ(h[48 + 9], 2 * 0.5);
  EXPECT_DOUBLE_EQ(h[48 + 10], 2 * 1.0);
  EXPECT_DOUBLE_EQ(h[48 + 11], 2 * 0.25);
  EXPECT_DOUBLE_EQ(std::accumulate(h.begin(), h.end(), 0.0), 3.5);
}

TEST(HourOfWeekIntegral, WrapsFromSundayNightToMonday) {
  HourOfWeekIntegral level(6 * 24);  // origin Sunday midnight
  level.set(23.5, 1);
  const auto& h = level.totals(24.5);
  EXPECT_DOUBLE_EQ(h[167], 0.5);
  EXPECT_DOUBLE_EQ(h[0], 0.5);
}

TEST(HourOfWeekIntegral, SameHourInLaterWeeksAddsUp) {
  HourOfWeekIntegral level(0, 0.0, 1.0);  // level 1 throughout three weeks
  const auto& h = level.totals(3 * 168);
  for (double v : h) EXPECT_DOUBLE_EQ(v, 3.0);
}

TEST(HourOfWeekIntegral, RestartForgetsTheWarmUpButKeepsTheLevel) {
  HourOfWeekIntegral level(0);
  level.set(0.0, 4);
  level.restart(2.0);
  const auto& h = level.totals(3.0);
  EXPECT_DOUBLE_EQ(h[0], 0.0);
  EXPECT_DOUBLE_EQ(h[1], 0.0);
  EXPECT_DOUBLE_EQ(h[2], 4.0);
}

}  // namespace
}  // namespace kyoten::sim
