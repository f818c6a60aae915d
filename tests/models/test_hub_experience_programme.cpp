// The experience programme as seed 001 describes it (おおむね年間30日、一回の利用は原則１週間、緊急利用の方が優先),
// run through the whole model: the person's yearly cap, rebooking within a window, and every request accounted.
#include <gtest/gtest.h>

#include "hub_fixture.hpp"
#include "models/hub/hub_model.hpp"

namespace kyoten::hub {
namespace {

using testing::date;

Scenario one_experience_bed() {
  Scenario sc = testing::minimal_scenario();
  sc.facilities[0].beds = 1;
  sc.facilities[0].experience_stays = true;
  sc.facilities[0].experience_days_per_year = 100000;
  sc.experience.nights = sim::Distribution(sim::Constant{6});  // one week: 6 nights, 7 days of use
  sc.experience.lead_days = 0;
  sc.experience.days_per_person_per_year = 30;
  sc.calls.per_registrant_per_year = 0;
  return sc;
}

using testing::kpi;

// One person asking about every 3.7 days for a one-week stay in one fiscal year, alone in the one bed: 4 stays
// of 7 days (28 ≤ 30) are done; every later request would make 35 > 30 and is lost as capped.
TEST(HubExperienceProgramme, OnePersonDoesFourOneWeekStaysAYearAndTheRestAreCapped) {
  Scenario sc = one_experience_bed();
  sc.registration.initial_registrants = 1;
  sc.experience.requests_per_registrant_per_year = 100;
  for (std::uint64_t rep = 0; rep < 5; ++rep) {
    const ReplicationResult r = simulate_replication(sc, 11, rep);
    EXPECT_EQ(kpi(r, "experience_done"), 4) << "replication " << rep;
    EXPECT_GT(kpi(r, "experience_lost_capped"), 0);
    EXPECT_EQ(kpi(r, "experience_lost_capped"), kpi(r, "experience_requested") - 4);
    EXPECT_EQ(kpi(r, "experience_lost_no_bed"), 0);
  }
}

// Without the person's cap the same person does a stay whenever the last one ended: far more than four.
TEST(HubExperienceProgramme, WithoutThePersonsCapTheSamePersonDoesMoreThanFourStays) {
  Scenario sc = one_experience_bed();
  sc.registration.initial_registrants = 1;
  sc.experience.requests_per_registrant_per_year = 100;
  sc.experience.days_per_person_per_year = 0;
  const ReplicationResult r = simulate_replication(sc, 11, 0);
  EXPECT_GT(kpi(r, "experience_done"), 20);  // a stay of 6 days plus a wait of about 3.7: about 37 a year
  EXPECT_EQ(kpi(r, "experience_lost_capped"), 0);
}

// Emergencies pre-empt stays in the one bed. With no rebooking window every pre-empted stay is lost as such;
// with a 30-day window (emergency stays last 3.5 days, retried daily) pre-empted stays restart and are counted
// as rebooked, each at most once.
TEST(HubExperienceProgramme, PreemptedStaysAreLostWithoutAWindowAndRebookedWithOne) {
  Scenario sc = one_experience_bed();
  sc.experience.days_per_person_per_year = 0;
  sc.experience.requests_per_registrant_per_year = 0.3;  // 30 one-week stays a year in one bed: busy, not full
  sc.calls.per_registrant_per_year = 0.1;
  sc.calls.emergency_share = {1, 1, 1, 1};
  const ReplicationResult none = simulate_replication(sc, 5, 0);
  EXPECT_GT(kpi(none, "experience_preempted"), 0);
  EXPECT_EQ(kpi(none, "experience_lost_preempted"), kpi(none, "experience_preempted"));
  EXPECT_EQ(kpi(none, "experience_rebooked"), 0);

  sc.experience.rebook_within_days = 30;
  const ReplicationResult window = simulate_replication(sc, 5, 0);
  EXPECT_GT(kpi(window, "experience_rebooked"), 0);
  EXPECT_LT(kpi(window, "experience_lost_preempted"), kpi(window, "experience_preempted"));
  // Each booking is rebooked at most once, and only after it was pre-empted or found no bed.
  EXPECT_LE(kpi(window, "experience_rebooked"),
            kpi(window, "experience_preempted") + kpi(window, "experience_lost_no_bed") +
                kpi(window, "experience_requested"));
}

// Bookings whose bed is taken by planned stays no longer vanish: with no window they are lost for want of a
// bed, and with every request counted the done and lost together never exceed the requests.
TEST(HubExperienceProgramme, BookingsWhoseBedWasTakenByPlannedStaysAreCountedAsLost) {
  Scenario sc = one_experience_bed();
  sc.facilities[0].beds = 2;
  sc.facilities[0].planned_occupancy = 0.9;
  sc.experience.days_per_person_per_year = 0;
  sc.experience.requests_per_registrant_per_year = 0.2;
  sc.experience.lead_days = 14;
  const ReplicationResult r = simulate_replication(sc, 3, 0);
  const double done = kpi(r, "experience_done"), no_bed = kpi(r, "experience_lost_no_bed");
  EXPECT_GT(no_bed, 0);
  EXPECT_LE(done + no_bed, kpi(r, "experience_requested"));
  // What is neither done nor lost is still booked or in a bed at the end: requests of the last lead time and
  // stay (3 weeks of 100 × 0.2 a year ≈ 1.2 expected; 8 is far in the tail).
  EXPECT_LE(kpi(r, "experience_requested") - done - no_bed, 8);
}

}  // namespace
}  // namespace kyoten::hub
