// Advance plans (安心支援プラン) as coordinators' work: drafted after an assessment with the scenario's share, they
// make the person easier to accept (acceptance × advance_plan_factor).
#include <gtest/gtest.h>

#include "hub_fixture.hpp"
#include "models/hub/hub_model.hpp"

namespace kyoten::hub {
namespace {

using testing::kpi;

double advance_plan_hours(const ReplicationResult& r) {
  double hours = 0;
  for (const StaffRecord& s : r.staff) {
    if (s.duty != static_cast<int>(Duty::AdvancePlan)) continue;
    for (int h = 0; h < sim::kHoursPerWeek; ++h) hours += s.busy_hours[h] + s.overtime_hours[h];
  }
  return hours;
}

// 100 registrants, none assessed and none with a plan at the start: all are assessed early in the year. Every
// call is an emergency needing a short stay; the one facility (beds for all) accepts with 0.25, × 4 = 1 with a
// plan; one call only and no fallback. With share = 1 every assessed person gets a plan of exactly 2 h, so nearly
// every emergency is placed (all but those before the person's plan); with share = 0 about a quarter are.
Scenario planning_scenario(double share) {
  Scenario sc = testing::minimal_scenario();
  sc.assessment.initial_registrants_assessed = false;
  sc.calls.emergency_share = {1, 1, 1, 1};
  sc.facilities[0].beds = 50;
  sc.facilities[0].acceptance.base = {0.25, 0.25, 0.25, 0.25};
  sc.facilities[0].acceptance.advance_plan_factor = 4;
  sc.search.max_contacts = 1;
  sc.search.fallbacks = {};
  sc.duties.advance_plan.hours = sim::Distribution(sim::Constant{2});
  sc.duties.advance_plan_share = share;
  return sc;
}

TEST(AdvancePlans, DraftedAfterAssessmentsTheyTakeTheirHoursAndRaiseAcceptance) {
  const ReplicationResult with = simulate_replication(planning_scenario(1), 4, 0);
  const ReplicationResult without = simulate_replication(planning_scenario(0), 4, 0);
  // One plan per assessed registrant without one: 100 assessments, 100 plans, 2 h each.
  EXPECT_EQ(kpi(with, "assessments_done"), 100);
  EXPECT_EQ(kpi(with, "advance_plans_drafted"), 100);
  EXPECT_NEAR(advance_plan_hours(with), 200, 1e-6);
  EXPECT_EQ(kpi(without, "advance_plans_drafted"), 0);
  EXPECT_DOUBLE_EQ(advance_plan_hours(without), 0);
  // The calls are the same in both (common random numbers): about 100 emergencies.
  const double emergencies = kpi(with, "emergencies");
  ASSERT_EQ(emergencies, kpi(without, "emergencies"));
  ASSERT_GT(emergencies, 60);
  EXPECT_GT(kpi(with, "outcome_short_stay"), 0.85 * emergencies);
  EXPECT_LT(kpi(without, "outcome_short_stay"), 0.45 * emergencies);
}

}  // namespace
}  // namespace kyoten::hub
