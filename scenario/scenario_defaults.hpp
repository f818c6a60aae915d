#pragma once
// Defaults the loader applies when a key is left out, each with its source. Defaults that are plain member
// initialisers of the structs in models/hub/scenario.hpp are taken from there; scenarios/README.md lists all.
#include "models/hub/scenario.hpp"
#include "sim/time/japanese_holidays.hpp"

namespace kyoten::scenario::defaults {

// [stays] emergency_need_days: seed 000 別紙2 「当面（３～４日程度）の生活の維持のためのコーディネート」.
inline constexpr double kEmergencyNeedDaysLow = 3.0;
inline constexpr double kEmergencyNeedDaysHigh = 4.0;

// [[facilities]] planned_stay_days: 令和5年社会福祉施設等調査, adults 5.5 days per user in Sept 2023;
// the spread is an assumption (most stays a few days, some two weeks).
inline constexpr double kPlannedStayMeanDays = 5.5;
inline constexpr double kPlannedStaySdDays = 4.0;

// [[centers]] shift count when `count` is left out: one coordinator.
inline constexpr int kShiftStaff = 1;

// The hub model records the facilities a person has stayed at in a 64-bit mask.
inline constexpr int kMaxFacilities = 64;
// Assumption (no seed figure): a coordinator needs about 15 minutes on the phone to arrange a supporter
// dispatch with the home-care provider, and about 10 minutes to place someone in one of the hub's own rooms
// (the hub is run by the same contractor and needs no acceptance decision).
inline constexpr double kHomeSupportArrangeMinutes = 15.0;
inline constexpr double kHubContactMinutes = 10.0;

}  // namespace kyoten::scenario::defaults
