// The emergency cause (①–⑥) setting the need and the stay, and the ageing caregiver (8050) raising the risk that
// a call is an emergency, more with the years.
#include <gtest/gtest.h>

#include <cmath>

#include "hub_fixture.hpp"
#include "models/hub/hub_model.hpp"

namespace kyoten::hub {
namespace {

using testing::kpi;

Scenario emergencies_only() {
  Scenario sc = testing::minimal_scenario();
  sc.calls.emergency_share = {1, 1, 1, 1};
  sc.calls.per_registrant_per_year = 0.3;
  sc.calls.cause_weights = {0, 0, 0, 0, 0, 1};  // ⑥ caregiver suddenly away, always
  sc.facilities[0].beds = 50;                    // never full
  return sc;
}

// ⑥ with its own need (home help only): no emergency goes to a short-stay bed; all go home with a supporter.
TEST(HubCauseEffects, ACauseWithItsOwnNeedDecidesWhatIsArranged) {
  Scenario sc = emergencies_only();
  sc.home_support.supporters = 1000;
  sc.home_support.can_start.fill(true);  // a dispatch can start at any hour
  sc.search.fallbacks = {Fallback::HomeHelp};
  sc.calls.cause_effects[5].need_weights = std::array<double, kNeeds>{0, 1, 0};
  const ReplicationResult r = simulate_replication(sc, 9, 0);
  EXPECT_GT(kpi(r, "emergencies"), 10);
  EXPECT_EQ(kpi(r, "outcome_short_stay"), 0);
  EXPECT_EQ(kpi(r, "outcome_home_help"), kpi(r, "emergencies"));
}

// ⑥ with its own stay of exactly 10 days (the general one is 3.5): every short stay is 10 bed-days, except those
// still running at the horizon's end (cut there), so bed-days ≤ 10 × stays and ≥ 10 × (stays − those in the
// last 10 days).
TEST(HubCauseEffects, ACauseWithItsOwnStayLengthSetsTheBedDays) {
  Scenario sc = emergencies_only();
  sc.calls.cause_effects[5].stay_days = sim::Distribution(sim::Constant{10});
  const ReplicationResult r = simulate_replication(sc, 9, 0);
  const double stays = kpi(r, "outcome_short_stay");
  ASSERT_GT(stays, 10);
  EXPECT_LE(kpi(r, "emergency_bed_days"), 10 * stays + 1e-6);
  EXPECT_GE(kpi(r, "emergency_bed_days"), 10 * (stays - 5));  // 30 calls a year: ~0.8 in the last 10 days
}

// Everyone has an ageing caregiver. With P(emergency | call) = 0.1, a factor 2 and no growth the share of calls
// that are emergencies is 0.2; with growth 100% a year from the start (no one joins), the factor is 2 · 2^t and
// averages 2/ln 2 over the year, so the share is 0.2/ln 2 ≈ 0.2885. 100 people × 50 calls: 5,000 calls, a
// standard error of about 0.006; the tolerance is four of them.
TEST(HubAgeingCaregiver, RaisesTheEmergencyShareByItsFactorRisingWithTheYears) {
  Scenario sc = testing::minimal_scenario();
  sc.registration.attributes.p_ageing_caregiver = 1;
  sc.calls.per_registrant_per_year = 50;
  sc.calls.emergency_share = {0.1, 0.1, 0.1, 0.1};
  sc.calls.p_handover = 1;  // handed over at once: no beds or staff in the way
  sc.calls.handover_minutes = sim::Distribution(sim::Constant{0});
  const auto share = [&] {
    const ReplicationResult r = simulate_replication(sc, 4, 0);
    return kpi(r, "emergencies") / kpi(r, "calls");
  };
  EXPECT_NEAR(share(), 0.1, 0.025);
  sc.calls.ageing_caregiver_emergency_factor = 2;
  EXPECT_NEAR(share(), 0.2, 0.025);
  sc.calls.ageing_caregiver_factor_growth_per_year = 1;
  EXPECT_NEAR(share(), 0.2 / std::log(2.0), 0.025);
}

}  // namespace
}  // namespace kyoten::hub
