#pragma once
// A small scenario built in code, for hand-worked tests of single mechanisms: one region, one center staffed
// round the clock, one facility, no registrations beyond the initial ones, calls spread evenly over the week.
#include <chrono>

#include "models/hub/results.hpp"
#include "models/hub/scenario.hpp"

namespace kyoten::hub::testing {

inline Date date(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

// One replication's value of the KPI named `key` (models/hub/results.hpp's list).
inline double kpi(const ReplicationResult& r, const char* key) { return r.kpi[kpi_index(key)]; }

inline StaffSchedule staff_all_hours(int n) {
  StaffSchedule s;
  s.hour_of_week.fill(n);
  s.holiday.fill(n);
  return s;
}

inline Scenario minimal_scenario() {
  using sim::Constant;
  using sim::Distribution;
  Scenario sc;
  sc.meta.name = "fixture";
  sc.horizon = {date(2024, 4, 1), date(2025, 4, 1), 0};
  sc.regions = {Region{"A", 1}};
  sc.registration.initial_registrants = 100;
  sc.registration.attributes.age_band_names = {"adult"};
  sc.registration.attributes.age_band_weights = {1};
  sc.assessment.staff_hours = Distribution(Constant{2});
  sc.assessment.reassessment_interval_days = 0;
  sc.calls.per_registrant_per_year = 1;
  // Shares proportional to each band's hours make the hourly rate flat (multiplier 1 everywhere).
  sc.calls.band_share = {40.0 / 168, 25.0 / 168, 55.0 / 168, 48.0 / 168};
  sc.calls.emergency_share = {0, 0, 0, 0};
  sc.calls.inquiry_minutes = Distribution(Constant{15});
  sc.calls.cause_weights.fill(1);
  sc.calls.need_weights = {1, 0, 0};
  sc.calls.handover_minutes = Distribution(Constant{30});
  Center c;
  c.name = "center";
  c.regions = {0};
  c.staff = staff_all_hours(2);
  sc.centers = {c};
  Facility f;
  f.name = "facility";
  f.beds = 2;
  f.planned_stay_days = Distribution(Constant{5});
  f.acceptance.base = {1, 1, 1, 1};
  f.contact_minutes_day = Distribution(Constant{0});
  f.contact_minutes_other = Distribution(Constant{0});
  sc.facilities = {f};
  sc.hub.contact_minutes = Distribution(Constant{0});
  sc.hub.exit_delay_days = Distribution(Constant{0});
  sc.stays.emergency_need_days = Distribution(Constant{3.5});
  sc.stays.exit_delay_days = Distribution(Constant{0});
  sc.search.max_contacts = 10;
  sc.search.max_search_hours = 1e9;
  sc.home_support.dispatch_hours = Distribution(Constant{8});
  sc.home_support.arrange_minutes = Distribution(Constant{10});
  sc.experience.nights = Distribution(Constant{2});
  return sc;
}

}  // namespace kyoten::hub::testing
