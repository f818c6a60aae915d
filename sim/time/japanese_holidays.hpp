#pragma once
// Japanese public holidays, computed by rule from 国民の祝日に関する法律 as it stood in each year, so the
// simulation can treat a holiday like a Sunday without shipping a date list that runs out.
//
// Covered: 2000–2099 (asking outside throws std::out_of_range). The whole range is computed once, on first
// use (thread-safe static initialisation), into a table indexed by day number, so a lookup is O(1): the
// simulation asks this per event. Only the laws known today are applied: one-off holidays decided by future
// special laws (as in 2019–2021) cannot be foreseen, and 春分の日 / 秋分の日 use the standard approximation
// formula (valid 1980–2099); the official dates are fixed each February for the following year, from the
// National Astronomical Observatory's ephemeris, so a far-future equinox day is a forecast, not a law.
#include <chrono>
#include <string_view>

namespace kyoten::sim {

inline constexpr int kFirstHolidayYear = 2000;
inline constexpr int kLastHolidayYear = 2099;

// True if the date is a public holiday: a 国民の祝日, a 振替休日 (substitute) or a 国民の休日 (sandwiched day).
// Throws std::out_of_range outside 2000–2099 and std::invalid_argument for an invalid date (e.g. 02-30).
[[nodiscard]] bool is_japanese_holiday(std::chrono::year_month_day date);
// The same, for a day number: the fast path for callers that already count days.
[[nodiscard]] bool is_japanese_holiday(std::chrono::sys_days date);

// The holiday's Japanese name ("元日", "振替休日", "国民の休日", …); empty if the date is not a holiday.
// Same range and errors as is_japanese_holiday.
[[nodiscard]] std::string_view japanese_holiday_name(std::chrono::year_month_day date);
[[nodiscard]] std::string_view japanese_holiday_name(std::chrono::sys_days date);

}  // namespace kyoten::sim
