// Proves the mapping from simulation hours to the civil calendar: weekdays and hours of the week, day types
// with holidays, fiscal-year and month boundaries, and the strict ISO date format.
#include "sim/time/civil_calendar.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <chrono>
#include <stdexcept>
#include <string>

#include "sim/time/japanese_holidays.hpp"

namespace {

using namespace std::chrono;
using kyoten::sim::CivilCalendar;
using kyoten::sim::DayType;
using kyoten::sim::fiscal_year_of;
using kyoten::sim::iso_date;
using kyoten::sim::parse_iso_date;
using kyoten::sim::Time;

constexpr double kMinute = 1.0 / 60.0;  // in hours

// 2022-10-01 is a Saturday; fiscal year 2022 runs 2022-04-01 to 2023-03-31.
const sys_days kOrigin = sys_days{2022y / October / 1};

TEST(CivilCalendar, OriginIsSaturdayMidnight) {
  const CivilCalendar cal(kOrigin);
  EXPECT_EQ(cal.date_at(0.0), kOrigin);
  EXPECT_EQ(cal.day_index(0.0), 0);
  EXPECT_EQ(cal.hour_of_day(0.0), 0);
  EXPECT_EQ(cal.weekday(0.0), 5);
  EXPECT_EQ(cal.hour_of_week(0.0), 5 * 24);
  EXPECT_EQ(cal.day_type(0.0), DayType::Saturday);
}

TEST(CivilCalendar, HourOfWeekWrapsAtMondayMidnight) {
  const CivilCalendar cal(kOrigin);
  EXPECT_EQ(cal.hour_of_week(47.5), 167);  // Sunday 23:30
  EXPECT_EQ(cal.weekday(47.5), 6);
  EXPECT_EQ(cal.hour_of_week(48.0), 0);  // Monday 00:00
  EXPECT_EQ(cal.weekday(48.0), 0);
  EXPECT_EQ(cal.hour_of_week(48.0 + 13.25), 13);
  EXPECT_EQ(cal.hour_of_week(48.0 + 7 * 24 + 1), 1);  // a week later
}

TEST(CivilCalendar, HourOfDayJustBeforeMidnight) {
  const CivilCalendar cal(kOrigin);
  const double almost_midnight = 24.0 - 1e-9;
  EXPECT_EQ(cal.day_index(almost_midnight), 0);
  EXPECT_EQ(cal.hour_of_day(almost_midnight), 23);
  EXPECT_EQ(cal.day_index(24.0), 1);
  EXPECT_EQ(cal.hour_of_day(24.0), 0);
}

TEST(CivilCalendar, NegativeTimesFallOnEarlierDays) {
  const CivilCalendar cal(kOrigin);
  EXPECT_EQ(cal.day_index(-0.5), -1);
  EXPECT_EQ(cal.hour_of_day(-0.5), 23);
  EXPECT_EQ(cal.date_at(-0.5), sys_days{2022y / September / 30});
  EXPECT_EQ(cal.weekday(-0.5), 4);  // Friday
  EXPECT_EQ(cal.day_index(-24.0), -1);
  EXPECT_EQ(cal.day_index(-24.5), -2);
  EXPECT_EQ(cal.month_index(-0.5), -1);
}

TEST(CivilCalendar, FiscalYearChangesOnFirstOfApril) {
  const CivilCalendar cal(kOrigin);
  EXPECT_EQ(cal.fiscal_year(0.0), 2022);
  EXPECT_EQ(cal.fiscal_year(cal.time_of(sys_days{2023y / March / 31}, 23.0 + 59 * kMinute)), 2022);
  EXPECT_EQ(cal.fiscal_year(cal.time_of(sys_days{2023y / April / 1})), 2023);
  EXPECT_EQ(cal.fiscal_year(cal.time_of(sys_days{2023y / December / 31}, 12.0)), 2023);
  EXPECT_EQ(cal.fiscal_year(cal.time_of(sys_days{2024y / January / 1})), 2023);
}

TEST(CivilCalendar, FiscalYearOfDate) {
  EXPECT_EQ(fiscal_year_of(2024y / March / 31), 2023);
  EXPECT_EQ(fiscal_year_of(2024y / April / 1), 2024);
  EXPECT_EQ(fiscal_year_of(2024y / January / 1), 2023);
  EXPECT_EQ(fiscal_year_of(2024y / December / 31), 2024);
}

TEST(CivilCalendar, MonthIndexCountsAcrossYears) {
  const CivilCalendar cal(kOrigin);
  EXPECT_EQ(cal.month_index(0.0), 0);
  EXPECT_EQ(cal.month_index(cal.time_of(sys_days{2022y / October / 31}, 23.5)), 0);
  EXPECT_EQ(cal.month_index(cal.time_of(sys_days{2022y / November / 1})), 1);
  EXPECT_EQ(cal.month_index(cal.time_of(sys_days{2022y / December / 31}, 23.5)), 2);
  EXPECT_EQ(cal.month_index(cal.time_of(sys_days{2023y / January / 1})), 3);
  EXPECT_EQ(cal.month_index(cal.time_of(sys_days{2023y / September / 30})), 11);
  EXPECT_EQ(cal.month_index(cal.time_of(sys_days{2024y / October / 1})), 24);
}

TEST(CivilCalendar, DayTypeTreatsHolidaysAsSundays) {
  const CivilCalendar cal(kOrigin);
  // 2023-11-03 (文化の日) is a Friday.
  const Time culture_day = cal.time_of(sys_days{2023y / November / 3}, 10.0);
  EXPECT_EQ(cal.weekday(culture_day), 4);
  EXPECT_TRUE(cal.is_holiday(culture_day));
  EXPECT_EQ(cal.day_type(culture_day), DayType::SundayOrHoliday);
  EXPECT_EQ(cal.day_type(cal.time_of(sys_days{2023y / November / 4})), DayType::Saturday);
  EXPECT_EQ(cal.day_type(cal.time_of(sys_days{2023y / November / 5})), DayType::SundayOrHoliday);
  EXPECT_FALSE(cal.is_holiday(cal.time_of(sys_days{2023y / November / 5})));  // a plain Sunday
  EXPECT_EQ(cal.day_type(cal.time_of(sys_days{2023y / November / 6})), DayType::Weekday);
  // A holiday on a Saturday stays a holiday: 2023-11-04 is not one, but 2024-11-23 (勤労感謝の日) is.
  EXPECT_EQ(cal.day_type(cal.time_of(sys_days{2024y / November / 23})), DayType::SundayOrHoliday);
}

TEST(CivilCalendar, HolidaysOutsideTheCoveredYearsThrow) {
  const CivilCalendar cal(sys_days{2099y / December / 31});
  EXPECT_NO_THROW((void)cal.is_holiday(0.0));
  EXPECT_THROW((void)cal.is_holiday(24.0), std::out_of_range);
  EXPECT_THROW((void)cal.day_type(24.0), std::out_of_range);
  EXPECT_EQ(cal.weekday(24.0), 4);  // 2100-01-01 is a Friday: the plain calendar still works
}

// Every day for ten years: each question agrees with std::chrono's own answer.
TEST(CivilCalendar, AgreesWithChronoEveryDayForTenYears) {
  const CivilCalendar cal(kOrigin);
  const year_month_day origin_ymd{kOrigin};
  const sys_days end = sys_days{2032y / October / 1};
  int n = 0;
  for (sys_days d = kOrigin; d < end; d += days{1}, ++n) {
    const year_month_day ymd{d};
    const int iso_weekday = static_cast<int>(weekday{d}.iso_encoding()) - 1;
    const bool holiday = kyoten::sim::is_japanese_holiday(d);
    const int months = (int{ymd.year()} - int{origin_ymd.year()}) * 12 +
                       (static_cast<int>(unsigned{ymd.month()}) - static_cast<int>(unsigned{origin_ymd.month()}));
    for (double hour : {0.0, 0.5, 12.0, 23.0 + 59 * kMinute}) {
      const Time t = cal.time_of(d, hour);
      ASSERT_EQ(cal.date_at(t), d) << iso_date(d) << " " << hour;
      ASSERT_EQ(cal.ymd_at(t), ymd);
      ASSERT_EQ(cal.day_index(t), n);
      ASSERT_EQ(cal.hour_of_day(t), static_cast<int>(hour));
      ASSERT_EQ(cal.weekday(t), iso_weekday);
      ASSERT_EQ(cal.hour_of_week(t), iso_weekday * 24 + static_cast<int>(hour));
      ASSERT_EQ(cal.is_holiday(t), holiday);
      ASSERT_EQ(cal.fiscal_year(t), fiscal_year_of(ymd));
      ASSERT_EQ(cal.month_index(t), months);
    }
    ASSERT_EQ(cal.weekday_on(n), iso_weekday) << iso_date(d);
    ASSERT_EQ(cal.month(cal.time_of(d, 13.5)), unsigned{ymd.month()}) << iso_date(d);
    ASSERT_EQ(cal.is_holiday_on(n), holiday) << iso_date(d);
  }
}

// The cache of day facts (holiday, day type, month) answers as the calendar does without it, closure days
// included; the uncached answers are checked against std::chrono above.
TEST(CivilCalendar, CachedDaysAnswerAsUncachedOnes) {
  CivilCalendar cached(kOrigin), plain(kOrigin);
  for (CivilCalendar* c : {&cached, &plain}) c->close_every_year(December / 29, January / 3);
  const int days = 3700;
  cached.cache_holidays(days);
  for (int n = -3; n < days + 3; ++n) {
    const Time t = n * 24.0 + 13.5;
    ASSERT_EQ(cached.is_holiday(t), plain.is_holiday(t)) << n;
    ASSERT_EQ(cached.is_holiday_on(n), plain.is_holiday(t)) << n;
    ASSERT_EQ(cached.day_type(t), plain.day_type(t)) << n;
    ASSERT_EQ(cached.month(t), unsigned{plain.ymd_at(t).month()}) << n;
  }
}

TEST(IsoDate, FormatsWithLeadingZeros) {
  EXPECT_EQ(iso_date(sys_days{2024y / February / 9}), "2024-02-09");
  EXPECT_EQ(iso_date(sys_days{2022y / October / 1}), "2022-10-01");
  EXPECT_EQ(iso_date(sys_days{999y / January / 1}), "0999-01-01");
}

TEST(IsoDate, ParsesValidDates) {
  EXPECT_EQ(parse_iso_date("2024-02-29"), sys_days{2024y / February / 29});
  EXPECT_EQ(parse_iso_date("2000-02-29"), sys_days{2000y / February / 29});
  EXPECT_EQ(parse_iso_date("2022-10-01"), kOrigin);
  EXPECT_EQ(parse_iso_date("2023-12-31"), sys_days{2023y / December / 31});
}

TEST(IsoDate, RejectsInvalidDatesAndLooseFormats) {
  for (const char* bad : {"2023-02-29", "2100-02-29", "2023-13-01", "2023-00-10", "2023-01-00", "2023-04-31",
                          "23-01-01", "2023-1-01", "2023-01-1", "2023/01/01", "2023-01-01 ", " 2023-01-01",
                          "+023-01-01", "2023-0a-01", "", "20230101", "2023-01-011"}) {
    EXPECT_FALSE(parse_iso_date(bad).has_value()) << '"' << bad << '"';
  }
}

TEST(IsoDate, RoundTripsEveryDayOfTenYears) {
  for (sys_days d = kOrigin; d < sys_days{2032y / October / 1}; d += days{1}) {
    ASSERT_EQ(parse_iso_date(iso_date(d)), d) << iso_date(d);
  }
}

}  // namespace

// Property: for any origin date and any minute in the following decades, the calendar's day, weekday, hour,
// hour of the week, date, month index and fiscal year are those <chrono> gives for origin + that many minutes.
RC_GTEST_PROP(CivilCalendarProperty, AgreesWithChronoForRandomTimes, ()) {
  const int origin_day = *rc::gen::inRange(0, 60 * 365);  // origins 2000–2059
  const long long minute = *rc::gen::inRange(0LL, 30LL * 366 * 24 * 60);
  const sys_days origin = sys_days{2000y / January / 1} + days{origin_day};
  const CivilCalendar cal(origin);
  const Time t = static_cast<double>(minute) / 60.0;

  const sys_time<minutes> instant = origin + minutes{minute};
  const sys_days day = floor<days>(instant);
  const year_month_day ymd{day};
  const year_month_day origin_ymd{origin};
  const int iso_weekday = static_cast<int>(weekday{day}.iso_encoding()) - 1;  // 0 = Monday
  const int hour = static_cast<int>(duration_cast<hours>(instant - day).count());
  const int fy = int{ymd.year()} - (ymd.month() < April ? 1 : 0);
  const int months = (int{ymd.year()} - int{origin_ymd.year()}) * 12 +
                     static_cast<int>(unsigned{ymd.month()}) - static_cast<int>(unsigned{origin_ymd.month()});

  RC_ASSERT(cal.day_index(t) == (day - origin).count());
  RC_ASSERT(cal.date_at(t) == day);
  RC_ASSERT(cal.ymd_at(t) == ymd);
  RC_ASSERT(cal.weekday(t) == iso_weekday);
  RC_ASSERT(cal.hour_of_day(t) == hour);
  RC_ASSERT(cal.hour_of_week(t) == iso_weekday * 24 + hour);
  RC_ASSERT(cal.fiscal_year(t) == fy);
  RC_ASSERT(fiscal_year_of(ymd) == fy);
  RC_ASSERT(cal.month_index(t) == months);
  const DayType expected = kyoten::sim::is_japanese_holiday(day) || iso_weekday == 6 ? DayType::SundayOrHoliday
                           : iso_weekday == 5                                     ? DayType::Saturday
                                                                                  : DayType::Weekday;
  RC_ASSERT(cal.day_type(t) == expected);
  // Back from the date: the hour of the day it starts at.
  RC_ASSERT(cal.time_of(day, hour) == std::floor(t));
}

namespace kyoten::sim {
namespace {

// 年末年始: 29 December 2024 (a Sunday) to 3 January 2025 (a Friday) closed; 28 December (a Saturday) is a
// weekend day but no holiday; 6 January 2025 (a Monday) is open again. 1 January is a public holiday either way.
TEST(CivilCalendarClosure, YearEndClosureCountsAsHolidaysAcrossTheYearsEnd) {
  using namespace std::chrono;
  const sys_days origin{year{2024} / December / 1};
  CivilCalendar open(origin), closing(origin);
  closing.close_every_year(December / 29, January / 3);
  const auto at = [&](year_month_day d) { return open.time_of(sys_days{d}, 10.0); };
  for (const auto d : {year{2024} / December / 30, year{2024} / December / 31, year{2025} / January / 2,
                       year{2025} / January / 3}) {
    EXPECT_FALSE(open.is_holiday(at(d))) << sys_days{d}.time_since_epoch().count();
    EXPECT_TRUE(closing.is_holiday(at(d)));
    EXPECT_EQ(closing.day_type(at(d)), DayType::SundayOrHoliday);
  }
  EXPECT_TRUE(open.is_holiday(at(year{2025} / January / 1)));
  EXPECT_FALSE(closing.is_holiday(at(year{2024} / December / 28)));
  EXPECT_FALSE(closing.is_holiday(at(year{2025} / January / 6)));
  // The cached answers are the same as the computed ones.
  closing.cache_holidays(60);
  EXPECT_TRUE(closing.is_holiday(at(year{2024} / December / 30)));
  EXPECT_FALSE(closing.is_holiday(at(year{2024} / December / 27)));
}

}  // namespace
}  // namespace kyoten::sim
