#pragma once
// Maps the simulation clock (hours since an origin) to the civil calendar: dates, weekdays, hours of the week,
// Japanese public holidays and fiscal years. Demand follows the week and the holidays, and results are
// reported by month and fiscal year, so models ask this per event: the per-event questions (hour of week,
// weekday, holiday, day type) are integer arithmetic on a precomputed origin plus one table lookup.
//
// All times are local Japan time: no time zone, no daylight saving (Japan has none). The origin is midnight
// at the start of the origin date.
#include <chrono>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <cstdint>
#include <vector>

#include "sim/time/units.hpp"

namespace kyoten::sim {

// How a day is staffed and how demand behaves: public holidays count as Sundays.
enum class DayType { Weekday, Saturday, SundayOrHoliday };

class CivilCalendar {
 public:
  explicit CivilCalendar(std::chrono::sys_days origin);

  [[nodiscard]] std::chrono::sys_days origin() const { return origin_; }

  // Whole days since the origin (floor, so a negative time falls on the day before the origin).
  // Precondition for all time-taking methods: t is finite.
  [[nodiscard]] int day_index(Time t) const { return floor_div(whole_hours(t), kHoursPerDay); }
  // 0–23.
  [[nodiscard]] int hour_of_day(Time t) const {
    const long long hours = whole_hours(t);
    return static_cast<int>(hours - static_cast<long long>(floor_div(hours, kHoursPerDay)) * kHoursPerDay);
  }
  // 0 = Monday … 6 = Sunday.
  [[nodiscard]] int weekday(Time t) const { return weekday_on(day_index(t)); }
  // 0–167, 0 = Monday 00:00–01:00.
  [[nodiscard]] int hour_of_week(Time t) const { return weekday(t) * kHoursPerDay + hour_of_day(t); }

  [[nodiscard]] std::chrono::sys_days date_at(Time t) const { return origin_ + std::chrono::days{day_index(t)}; }
  [[nodiscard]] std::chrono::year_month_day ymd_at(Time t) const { return std::chrono::year_month_day{date_at(t)}; }

  // Japanese public holiday (see japanese_holidays.hpp); throws std::out_of_range outside 2000–2099.
  [[nodiscard]] bool is_holiday(Time t) const { return is_holiday_on(day_index(t)); }
  // The same questions asked of a day by its index, for a model walking whole days or hours.
  [[nodiscard]] bool is_holiday_on(int day) const {
    if (day >= 0 && day < static_cast<int>(day_cache_.size())) return (day_cache_[day] & kHolidayBit) != 0;
    return is_holiday_uncached(static_cast<Time>(day) * kHoursPerDay);
  }
  [[nodiscard]] int weekday_on(int day) const { return positive_mod(origin_weekday_ + day, kDaysPerWeek); }
  // Looks up the holidays and day types of the first `days` days once, so that per-event questions cost one
  // array read.
  void cache_holidays(int days);
  // Days closed every year besides the public holidays, from `first` to `last` inclusive (the span may wrap the
  // year's end, e.g. 29 December to 3 January); they count as holidays in every question. Call before
  // cache_holidays().
  void close_every_year(std::chrono::month_day first, std::chrono::month_day last) {
    annual_closure_ = {first, last};
  }
  [[nodiscard]] DayType day_type(Time t) const {
    const int day = day_index(t);
    if (day >= 0 && day < static_cast<int>(day_cache_.size()))
      return static_cast<DayType>((day_cache_[day] >> kDayTypeShift) & kDayTypeMask);
    return day_type_uncached(t);
  }
  // The calendar month, 1–12.
  [[nodiscard]] unsigned month(Time t) const {
    const int day = day_index(t);
    if (day >= 0 && day < static_cast<int>(day_cache_.size())) return day_cache_[day] >> kMonthShift;
    return unsigned{ymd_at(t).month()};
  }

  // The fiscal year (April–March) containing t, named by the calendar year it starts in.
  [[nodiscard]] int fiscal_year(Time t) const;
  // Calendar months since the origin's month: 0 in the origin's month, 12 a year later.
  [[nodiscard]] int month_index(Time t) const;

  // The simulation time of the given hour (may be fractional) of date d.
  [[nodiscard]] Time time_of(std::chrono::sys_days d, double hour = 0.0) const {
    return static_cast<double>((d - origin_).count()) * kHoursPerDay + hour;
  }

 private:
  static constexpr int kSunday = 6;
  static constexpr int kSaturday = 5;

  static long long whole_hours(Time t) { return static_cast<long long>(std::floor(t)); }
  static int floor_div(long long a, int b) {
    const long long q = a / b;
    return static_cast<int>((a % b != 0 && a < 0) ? q - 1 : q);
  }
  static int positive_mod(int a, int b) {
    const int r = a % b;
    return r < 0 ? r + b : r;
  }

  [[nodiscard]] bool is_holiday_uncached(Time t) const;
  [[nodiscard]] DayType day_type_uncached(Time t) const;
  [[nodiscard]] bool closed(std::chrono::sys_days d) const;

  std::chrono::sys_days origin_;
  static constexpr std::uint8_t kHolidayBit = 1;
  static constexpr int kDayTypeShift = 1, kDayTypeMask = 3, kMonthShift = 3;
  std::vector<std::uint8_t> day_cache_;  // by day index from the origin: holiday bit | day type << 1 | month << 3
  std::optional<std::pair<std::chrono::month_day, std::chrono::month_day>> annual_closure_;
  int origin_weekday_;  // 0 = Monday
  int origin_year_;
  int origin_month_;    // 1–12
};

// Japanese fiscal year (April–March), named by the calendar year it starts in: 2024-03-31 → 2023.
[[nodiscard]] int fiscal_year_of(std::chrono::year_month_day date);

// "YYYY-MM-DD".
[[nodiscard]] std::string iso_date(std::chrono::sys_days date);
// Strict "YYYY-MM-DD" (exactly four, two and two digits) naming a real date; nullopt otherwise.
[[nodiscard]] std::optional<std::chrono::sys_days> parse_iso_date(std::string_view text);

}  // namespace kyoten::sim
