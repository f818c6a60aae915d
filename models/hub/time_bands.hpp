#pragma once
// Which reporting band an instant falls in, and the hourly call-rate multipliers that reproduce each band's
// share of calls. The seeds count calls by band (weekday daytime / evening / night, weekends and holidays), so
// the model takes its time-of-week pattern in the same terms.
#include "models/hub/scenario.hpp"
#include "sim/random/nhpp.hpp"
#include "sim/time/civil_calendar.hpp"

namespace kyoten::hub {

// The band of a weekday hour (0–23) given the band boundaries.
TimeBand weekday_band(int hour_of_day, const TimeBandHours& hours);

// The band at simulation time t; weekends and public holidays are one band whatever the hour.
TimeBand band_at(const sim::CivilCalendar& calendar, sim::Time t, const TimeBandHours& hours);

// Hours per (holiday-free) week that fall in each band.
std::array<int, kTimeBands> band_hours_per_week(const TimeBandHours& hours);

// Multipliers m(hour) with mean 1 over a holiday-free week such that band b receives share[b] of the calls:
// m = share[b] * 168 / hours_in_band[b]. Public holidays take the weekend multiplier.
sim::WeeklyProfile band_profile(const std::array<double, kTimeBands>& share, const TimeBandHours& hours);

// Multipliers with mean 1 over a holiday-free week from relative weights by hour of the week; a public holiday
// takes Sunday's 24 hours.
sim::WeeklyProfile hour_of_week_profile(const std::array<double, sim::kHoursPerWeek>& weights);

}  // namespace kyoten::hub
