#pragma once
// Simulated time and the fixed lengths of the clock, in one place. The clock counts hours; days, weeks and
// minutes are exact multiples. A year is not: rates stated "per year" are converted with the Julian year of
// 365.25 days, the mean calendar year over a leap cycle (the Gregorian 365.2425 differs by 2 in 10^4, far
// below any rate's uncertainty), so a rate per year gives the right count over any run of whole leap cycles.
namespace kyoten::sim {

using Time = double;  // simulated time in hours since the model's origin

inline constexpr int kMinutesPerHour = 60;
inline constexpr int kHoursPerDay = 24;
inline constexpr int kDaysPerWeek = 7;
inline constexpr int kHoursPerWeek = kHoursPerDay * kDaysPerWeek;
inline constexpr int kMonthsPerYear = 12;
inline constexpr double kDaysPerYear = 365.25;  // Julian year: see above
inline constexpr double kHoursPerYear = kDaysPerYear * kHoursPerDay;

}  // namespace kyoten::sim
