#include <algorithm>
// The less frequent civil-calendar questions (holidays, fiscal years, months) and the date text format used
// in scenario files and results. See civil_calendar.hpp for why the per-event ones are kept cheap.
#include "sim/time/civil_calendar.hpp"

#include <cstdio>

#include "sim/time/japanese_holidays.hpp"

namespace kyoten::sim {
namespace {

using namespace std::chrono;

// The Japanese fiscal year starts on 1 April.
constexpr month kFirstMonthOfFiscalYear = April;

// ISO weekday encoding is 1 = Monday … 7 = Sunday; ours is 0-based.
int monday_based_weekday(sys_days d) { return static_cast<int>(weekday{d}.iso_encoding()) - 1; }

// "YYYY-MM-DD": field positions and lengths.
constexpr std::size_t kIsoDateLength = 10;
constexpr std::size_t kFirstDashAt = 4;
constexpr std::size_t kSecondDashAt = 7;

std::optional<int> parse_digits(std::string_view text) {
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

CivilCalendar::CivilCalendar(sys_days origin)
    : origin_(origin),
      origin_weekday_(monday_based_weekday(origin)),
      origin_year_(int{year_month_day{origin}.year()}),
      origin_month_(static_cast<int>(unsigned{year_month_day{origin}.month()})) {}

bool CivilCalendar::is_holiday_uncached(Time t) const { return closed(date_at(t)); }

bool CivilCalendar::closed(sys_days d) const {
  if (annual_closure_) {
    const year_month_day ymd{d};
    const month_day md{ymd.month(), ymd.day()};
    const auto [first, last] = *annual_closure_;
    const bool within = first <= last ? (first <= md && md <= last) : (md >= first || md <= last);
    if (within) return true;
  }
  return is_japanese_holiday(d);
}

void CivilCalendar::cache_holidays(int days) {
  day_cache_.clear();  // so that the day types below are worked out from the holidays, not the old cache
  std::vector<std::uint8_t> cache(static_cast<std::size_t>(std::max(0, days)));
  for (int d = 0; d < days; ++d) {
    const Time t = static_cast<Time>(d) * kHoursPerDay;
    cache[d] = static_cast<std::uint8_t>((is_holiday_uncached(t) ? kHolidayBit : 0) |
                                         (static_cast<int>(day_type_uncached(t)) << kDayTypeShift) |
                                         (unsigned{ymd_at(t).month()} << kMonthShift));
  }
  day_cache_ = std::move(cache);
}

DayType CivilCalendar::day_type_uncached(Time t) const {
  const int wd = weekday(t);
  if (wd == kSunday || is_holiday(t)) return DayType::SundayOrHoliday;
  return wd == kSaturday ? DayType::Saturday : DayType::Weekday;
}

int CivilCalendar::fiscal_year(Time t) const { return fiscal_year_of(ymd_at(t)); }

int CivilCalendar::month_index(Time t) const {
  const year_month_day date = ymd_at(t);
  return (int{date.year()} - origin_year_) * kMonthsPerYear + static_cast<int>(unsigned{date.month()}) -
         origin_month_;
}

int fiscal_year_of(year_month_day date) {
  const int y = int{date.year()};
  return date.month() < kFirstMonthOfFiscalYear ? y - 1 : y;
}

std::string iso_date(sys_days date) {
  const year_month_day ymd{date};
  char text[32];  // room for any int year, far more than the 10 characters of a four-digit year
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", int{ymd.year()}, unsigned{ymd.month()}, unsigned{ymd.day()});
  return text;
}

std::optional<sys_days> parse_iso_date(std::string_view text) {
  if (text.size() != kIsoDateLength || text[kFirstDashAt] != '-' || text[kSecondDashAt] != '-') {
    return std::nullopt;
  }
  const auto y = parse_digits(text.substr(0, kFirstDashAt));
  const auto m = parse_digits(text.substr(kFirstDashAt + 1, kSecondDashAt - kFirstDashAt - 1));
  const auto d = parse_digits(text.substr(kSecondDashAt + 1));
  if (!y || !m || !d) return std::nullopt;
  const year_month_day date{year{*y}, month{static_cast<unsigned>(*m)}, day{static_cast<unsigned>(*d)}};
  if (!date.ok()) return std::nullopt;
  return sys_days{date};
}

}  // namespace kyoten::sim
