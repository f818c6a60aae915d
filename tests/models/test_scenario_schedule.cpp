// Shifts → the hour-of-week staffing array, worked by hand: plain shifts, shifts that wrap past midnight
// (including Sunday night into Monday), public holidays, and overlapping shifts adding up.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <array>

#include "scenario/staff_schedule.hpp"

namespace {

using kyoten::scenario::describe_uncovered_hours;
using kyoten::scenario::parse_day_set;
using kyoten::scenario::schedule_from_shifts;
using kyoten::scenario::Shift;

constexpr int kMonday = 0, kFriday = 4, kSaturday = 5, kSunday = 6;
int at(const kyoten::hub::StaffSchedule& s, int day, int hour) { return s.hour_of_week[static_cast<std::size_t>(day * 24 + hour)]; }
int holiday(const kyoten::hub::StaffSchedule& s, int hour) { return s.holiday[static_cast<std::size_t>(hour)]; }

Shift shift(const char* days, int from, int to, int count = 1) { return {*parse_day_set(days), from, to, count}; }

TEST(StaffSchedule, WeekdayDaytimeShiftCoversFromInclusiveToExclusive) {
  const auto s = schedule_from_shifts({shift("weekdays", 9, 17, 2)});
  EXPECT_EQ(at(s, kMonday, 8), 0);
  EXPECT_EQ(at(s, kMonday, 9), 2);
  EXPECT_EQ(at(s, kFriday, 16), 2);
  EXPECT_EQ(at(s, kFriday, 17), 0);
  EXPECT_EQ(at(s, kSaturday, 10), 0);
  EXPECT_EQ(holiday(s, 10), 0);  // a public holiday is not a weekday
}

TEST(StaffSchedule, NightShiftWrapsIntoTheNextDay) {
  const auto s = schedule_from_shifts({shift("friday", 22, 6)});
  EXPECT_EQ(at(s, kFriday, 21), 0);
  EXPECT_EQ(at(s, kFriday, 22), 1);
  EXPECT_EQ(at(s, kFriday, 23), 1);
  EXPECT_EQ(at(s, kSaturday, 0), 1);
  EXPECT_EQ(at(s, kSaturday, 5), 1);
  EXPECT_EQ(at(s, kSaturday, 6), 0);
  EXPECT_EQ(at(s, kFriday, 0), 0);  // Thursday night is not staffed
}

TEST(StaffSchedule, SundayNightWrapsIntoMonday) {
  const auto s = schedule_from_shifts({shift("sunday", 20, 8)});
  EXPECT_EQ(at(s, kSunday, 20), 1);
  EXPECT_EQ(at(s, kSunday, 23), 1);
  EXPECT_EQ(at(s, kMonday, 0), 1);
  EXPECT_EQ(at(s, kMonday, 7), 1);
  EXPECT_EQ(at(s, kMonday, 8), 0);
  EXPECT_EQ(at(s, kSunday, 0), 0);
}

TEST(StaffSchedule, ToMidnightEqualsToTwentyFour) {
  const auto a = schedule_from_shifts({shift("all", 17, 0)});
  const auto b = schedule_from_shifts({shift("all", 17, 24)});
  EXPECT_EQ(a.hour_of_week, b.hour_of_week);
  EXPECT_EQ(a.holiday, b.holiday);
}

TEST(StaffSchedule, WrappingShiftOnHolidaysCoversBothEndsOfTheHoliday) {
  const auto s = schedule_from_shifts({shift("all", 17, 9)});
  EXPECT_EQ(at(s, kMonday, 3), 1);  // from Sunday's shift
  EXPECT_EQ(at(s, kMonday, 12), 0);
  EXPECT_EQ(holiday(s, 0), 1);
  EXPECT_EQ(holiday(s, 8), 1);
  EXPECT_EQ(holiday(s, 9), 0);
  EXPECT_EQ(holiday(s, 16), 0);
  EXPECT_EQ(holiday(s, 17), 1);
  EXPECT_EQ(holiday(s, 23), 1);
}

TEST(StaffSchedule, HolidayAndWeekendDaySets) {
  const auto only_holiday = schedule_from_shifts({shift("holiday", 9, 17)});
  EXPECT_EQ(holiday(only_holiday, 9), 1);
  EXPECT_EQ(holiday(only_holiday, 17), 0);
  for (int h = 0; h < 168; ++h) EXPECT_EQ(only_holiday.hour_of_week[static_cast<std::size_t>(h)], 0);

  const auto weekend = schedule_from_shifts({shift("weekend", 10, 12)});
  EXPECT_EQ(at(weekend, kSaturday, 10), 1);
  EXPECT_EQ(at(weekend, kSunday, 11), 1);
  EXPECT_EQ(holiday(weekend, 10), 1);
  EXPECT_EQ(at(weekend, kFriday, 10), 0);
}

TEST(StaffSchedule, OverlappingShiftsAdd) {
  const auto s = schedule_from_shifts({shift("all", 0, 24, 2), shift("weekdays", 9, 18, 1)});
  EXPECT_EQ(at(s, kMonday, 10), 3);
  EXPECT_EQ(at(s, kMonday, 18), 2);
  EXPECT_EQ(at(s, kSaturday, 10), 2);
  EXPECT_EQ(holiday(s, 10), 2);
}

TEST(StaffSchedule, DescribesUncoveredHoursByDay) {
  const auto s = schedule_from_shifts({shift("weekdays", 9, 17)});
  EXPECT_EQ(describe_uncovered_hours(s),
            "Mon 00–09, 17–24; Tue 00–09, 17–24; Wed 00–09, 17–24; Thu 00–09, 17–24; Fri 00–09, 17–24; "
            "Sat 00–24; Sun 00–24; holiday 00–24");
  EXPECT_EQ(describe_uncovered_hours(schedule_from_shifts({shift("all", 0, 24)})), "");
}

TEST(StaffSchedule, DaySetNames) {
  EXPECT_FALSE(parse_day_set("weekday").has_value());
  const auto weekdays = *parse_day_set("weekdays");
  EXPECT_TRUE(weekdays.weekday[0] && weekdays.weekday[4]);
  EXPECT_FALSE(weekdays.weekday[5] || weekdays.weekday[6] || weekdays.holiday);
  const auto all = *parse_day_set("all");
  EXPECT_TRUE(all.holiday && all.weekday[6]);
}

}  // namespace

namespace {

// A shift's length in hours: [from, to), or past midnight when to <= from.
int shift_hours(const Shift& s) {
  return s.to_hour > s.from_hour ? s.to_hour - s.from_hour : 24 - s.from_hour + s.to_hour;
}

rc::Gen<Shift> any_shift() {
  return rc::gen::apply(
      [](int day_bits, bool on_holiday, int from, int to, int count) {
        Shift s;
        for (int d = 0; d < 7; ++d) s.days.weekday[static_cast<std::size_t>(d)] = (day_bits >> d) & 1;
        s.days.holiday = on_holiday;
        s.from_hour = from;
        s.to_hour = to;
        s.count = count;
        return s;
      },
      rc::gen::inRange(0, 128), rc::gen::arbitrary<bool>(), rc::gen::inRange(0, 24),
      rc::gen::inRange(0, 25), rc::gen::inRange(1, 4));
}

}  // namespace

// Property: for any set of shifts, the staff-hours of the week are the shifts' lengths times their days times
// their counts, and each hour of the week holds exactly the shifts that cover it, counted by walking each shift
// hour by hour round the week (Sunday night runs into Monday); a holiday holds each holiday shift's hours.
RC_GTEST_PROP(StaffScheduleProperty, HoursOnDutyAreTheShiftsSum, ()) {
  const auto shifts = *rc::gen::container<std::vector<Shift>>(any_shift());
  const auto schedule = schedule_from_shifts(shifts);
  std::array<int, 168> expected_week{};
  std::array<int, 24> expected_holiday{};
  long long expected_total = 0;
  for (const Shift& s : shifts) {
    for (int d = 0; d < 7; ++d) {
      if (!s.days.weekday[static_cast<std::size_t>(d)]) continue;
      expected_total += static_cast<long long>(shift_hours(s)) * s.count;
      for (int k = 0; k < shift_hours(s); ++k)
        expected_week[static_cast<std::size_t>((d * 24 + s.from_hour + k) % 168)] += s.count;
    }
    if (s.days.holiday)
      for (int k = 0; k < shift_hours(s); ++k)
        expected_holiday[static_cast<std::size_t>((s.from_hour + k) % 24)] += s.count;
  }
  long long total = 0;
  for (int h : schedule.hour_of_week) total += h;
  RC_ASSERT(total == expected_total);
  RC_ASSERT(schedule.hour_of_week == expected_week);
  RC_ASSERT(schedule.holiday == expected_holiday);
  // An hour is reported uncovered exactly when some hour of the week or of a holiday has nobody.
  const bool any_gap = std::count(expected_week.begin(), expected_week.end(), 0) > 0 ||
                       std::count(expected_holiday.begin(), expected_holiday.end(), 0) > 0;
  RC_ASSERT(describe_uncovered_hours(schedule).empty() == !any_gap);
}
