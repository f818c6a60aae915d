#pragma once
// Upper limits on every value a scenario may state, checked by the loader before any value is converted to a
// whole number or a time. Each is far above any Japanese municipality (the reasoning is in scenarios/README.md,
// "Limits"): a value beyond them is a typing error or a hostile file, and would otherwise overflow a cast, hang
// a run or exhaust memory.
#include "scenario/scenario_defaults.hpp"
#include "scenario/toml_values.hpp"

namespace kyoten::scenario::limits {

// Registered people (initial_registrants, registration knots, S-curve counts): Yokohama, the largest
// municipality, has about 3.8 million inhabitants, of whom under 10% hold a disability certificate.
inline constexpr double kRegistrants = 1'000'000;
// Calls (or experience-stay requests) per registrant per year: Setagaya's trial year had 48 calls from 198
// registrants (0.24); 1,000 is about three a day from every registrant.
inline constexpr double kPerRegistrantPerYear = 1'000;
// Calls per year from unregistered people: about 2,700 a day.
inline constexpr double kUnregisteredPerYear = 1'000'000;
// Hazards per year (leaving the register, S-curve growth rate): 100 means an expected stay of under 4 days.
inline constexpr double kRatePerYear = 100;
// Beds of one facility, hub rooms, home supporters on call, coordinators in one shift.
inline constexpr int kBeds = 10'000;
// Neighbouring municipalities' stays in one facility's wide-area beds per year.
inline constexpr double kNeighbourStaysPerYear = 100'000;
inline constexpr int kRooms = 10'000;
inline constexpr int kSupporters = 100'000;
inline constexpr int kStaffPerShift = 10'000;
// Shifts per center: with kStaffPerShift, the staff on duty in one hour stays far below the int range.
inline constexpr int kShiftsPerCenter = 1'000;
// Facilities contacted in one search (there are at most defaults::kMaxFacilities facilities).
inline constexpr int kContacts = 1'000;
// Experience-stay days offered per facility and year: every bed of a kBeds facility, every day.
inline constexpr int kExperienceDaysPerYear = kBeds * 366;
// Extra emergencies in one surge: a hundred thousand, far beyond any disaster's emergency calls to one hub.
inline constexpr int kSurgeEmergencies = 100'000;
// Days of use in one year (one person's experience-stay days): every day of a leap year.
inline constexpr int kDaysPerYear = 366;
// Days (grace, re-assessment interval, booking lead, warm-up): the civil calendar's whole range.
inline constexpr double kDays = (sim::kLastHolidayYear - sim::kFirstHolidayYear + 1) * 366.0;
// Hours (on-call delay, longest search): a leap year.
inline constexpr double kHours = 366 * 24.0;
// Yen of one cost line or fee: a trillion yen, above any municipality's entire welfare budget.
inline constexpr double kYen = 1e12;
// Calls one caller places for one need (the first and the call-backs): a hundred is a caller who never stops.
inline constexpr int kTries = 100;
// Multipliers (wage premiums as a share of the base wage, acceptance factors).
inline constexpr double kPremium = 10;
inline constexpr double kFactor = 1'000;
// Relative weights (regions, causes, needs, age bands, empirical weights): any ratio up to a billion.
inline constexpr double kWeight = 1e9;
// Parameters of a distribution (means, standard deviations, shapes, scales, bounds, empirical values) in
// whatever unit the key states: a billion minutes is 1,900 years.
inline constexpr double kDistributionParameter = 1e9;

inline Range up_to(double max) { return {0.0, max, false, true}; }
inline Range positive_up_to(double max) { return {0.0, max, true, true}; }
inline Range whole_up_to(int low, int max) { return {static_cast<double>(low), static_cast<double>(max), false, true}; }

}  // namespace kyoten::scenario::limits
