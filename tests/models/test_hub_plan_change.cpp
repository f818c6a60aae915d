// Dated changes of plan in the hub model (models/hub/plan_change.cpp), on hand-worked cases: a staffing and
// wage change costs the new rate from its instant and not before; a change that alters only wages leaves every
// registrant, call and assessment exactly as in the run without it (and a change of staff every registrant and
// call); a facility with fewer beds than occupants admits nobody until it is below; an emergency place that joins
// at a date takes people and costs only from then.
#include <gtest/gtest.h>

#include <cmath>

#include "hub_fixture.hpp"
#include "models/hub/facility_state.hpp"
#include "models/hub/hub_model.hpp"

namespace kyoten::hub {
namespace {

using testing::date;
using testing::kpi;
using testing::minimal_scenario;
using testing::staff_all_hours;

const MonthRecord& month(const ReplicationResult& r, int year, int m) {
  for (const MonthRecord& rec : r.months)
    if (rec.year == year && rec.month == m) return rec;
  static const MonthRecord none;
  ADD_FAILURE() << "no month " << year << "-" << m;
  return none;
}

// One coordinator round the clock at 1,000 yen an hour, no premiums, no calls and nothing else that costs.
Scenario staff_only() {
  Scenario sc = minimal_scenario();
  sc.calls.per_registrant_per_year = 0;
  sc.calls.unregistered_per_year = 0;
  sc.centers[0].staff = staff_all_hours(1);
  sc.centers[0].staff_cost_per_hour_yen = 1000;
  sc.centers[0].night_premium = 0;
  sc.centers[0].holiday_premium = 0;
  return sc;
}

TEST(PlanChange, AStaffingChangeCostsTheNewRateFromItsInstantOnly) {
  Scenario sc = staff_only();
  Scenario later = sc;
  later.centers[0].staff = staff_all_hours(3);
  later.centers[0].staff_cost_per_hour_yen = 2000;
  sc.changes.push_back({date(2024, 10, 1), "three coordinators", later});
  const ReplicationResult r = simulate_replication(sc, 1, 0);
  // September 2024: 30 days x 24 h x 1 coordinator x 1,000 yen. October: 31 x 24 x 3 x 2,000.
  EXPECT_DOUBLE_EQ(month(r, 2024, 9).cost_yen, 30 * 24 * 1 * 1000.0);
  EXPECT_DOUBLE_EQ(month(r, 2024, 10).cost_yen, 31 * 24 * 3 * 2000.0);
  // The fiscal year's center cost: 183 days (April–September) at the first rate, 182 at the second.
  double center = 0;
  for (const CostRecord& c : r.costs)
    if (c.fiscal_year == 2024 && c.line == "center") center = c.yen;
  EXPECT_DOUBLE_EQ(center, 183 * 24 * 1000.0 + 182 * 24 * 6000.0);
}

TEST(PlanChange, ACoordinatorComingOnDutyAtTheChangeAnswersTheWaitingCallsAtOnce) {
  // Nobody on duty before 2024-10-01 (calls wait for the next staffed hour); one coordinator from then on.
  Scenario sc = minimal_scenario();
  sc.horizon = {date(2024, 9, 1), date(2024, 11, 1), 0};
  sc.centers[0].staff = staff_all_hours(0);
  sc.calls.per_registrant_per_year = 12;  // 100 registrants: about 100 calls in September
  Scenario later = sc;
  later.centers[0].staff = staff_all_hours(1);
  sc.changes.push_back({date(2024, 10, 1), "first coordinator", later});
  const ReplicationResult r = simulate_replication(sc, 3, 0);
  // Every call of September waited for 2024-10-01 00:00, so the mean answer is far longer than a day; and they
  // were answered (inquiries of 15 minutes each, one after another, all done within October).
  const double september_calls = month(r, 2024, 9).calls;
  ASSERT_GT(september_calls, 50);
  EXPECT_GT(r.kpi[kpi_index("answer_mean_min")], 24 * 60.0);
  EXPECT_EQ(r.kpi[kpi_index("inquiries")], r.kpi[kpi_index("calls")]);
  // The one coordinator's busy hours: each inquiry takes 15 minutes, so utilisation over October is the
  // number of calls x 0.25 h over 31 x 24 duty hours (the September calls are worked in October).
  EXPECT_NEAR(r.kpi[kpi_index("staff_utilisation")], r.kpi[kpi_index("calls")] * 0.25 / (31 * 24), 1e-9);
}

TEST(PlanChange, AWageOrStaffChangeKeepsEveryRegistrantAndCall) {
  Scenario sc = minimal_scenario();
  sc.horizon = {date(2024, 4, 1), date(2026, 4, 1), 0};
  sc.registration.expected_registered = {{date(2024, 4, 1), 100}, {date(2026, 4, 1), 400}};
  sc.registration.leave_rate_per_year = 0.1;
  sc.assessment.reassessment_interval_days = 180;
  sc.centers[0].staff_cost_per_hour_yen = 1000;
  Scenario with_change = sc;
  Scenario dearer = sc;
  dearer.centers[0].staff_cost_per_hour_yen = 1500;
  with_change.changes.push_back({date(2025, 1, 1), "wage rise", dearer});
  // And a change of staff: cases are worked at other times, but the register and the calls are their own
  // streams, so every registrant is the same person in both runs.
  Scenario with_staff_change = sc;
  Scenario more_staff = sc;
  more_staff.centers[0].staff = staff_all_hours(3);
  with_staff_change.changes.push_back({date(2025, 1, 1), "more staff", more_staff});
  for (std::uint64_t rep = 0; rep < 3; ++rep) {
    const ReplicationResult a = simulate_replication(sc, 21, rep), b = simulate_replication(with_change, 21, rep);
    const ReplicationResult c = simulate_replication(with_staff_change, 21, rep);
    for (const char* key : {"registrants_end", "registrations", "leavers", "calls", "emergencies"})
      EXPECT_EQ(a.kpi[kpi_index(key)], c.kpi[kpi_index(key)]) << key;
    ASSERT_EQ(a.months.size(), c.months.size());
    for (std::size_t m = 0; m < a.months.size(); ++m) EXPECT_EQ(a.months[m].registrants_end, c.months[m].registrants_end);
    for (const char* key : {"registrants_end", "registrations", "leavers", "calls", "emergencies", "assessments_done",
                            "assessment_wait_days_mean", "answer_mean_min"})
      EXPECT_EQ(a.kpi[kpi_index(key)], b.kpi[kpi_index(key)]) << key;
    ASSERT_EQ(a.months.size(), b.months.size());
    for (std::size_t m = 0; m < a.months.size(); ++m) {
      EXPECT_EQ(a.months[m].registrants_end, b.months[m].registrants_end);
      const bool before = a.months[m].year < 2025;
      if (before) EXPECT_EQ(a.months[m].cost_yen, b.months[m].cost_yen);
      else EXPECT_GT(b.months[m].cost_yen, a.months[m].cost_yen);
    }
  }
}

TEST(PlanChange, AnEmergencyPlaceThatJoinsAtADateTakesPeopleAndCostsOnlyFromThen) {
  // No facility takes anyone; the only fallback is an elderly-care place, which joins on 2024-10-01 with 50
  // places at 1,000 yen a day of stay and 365,000 yen a year to keep ready (1,000 a day). Staff cost nothing. So
  // every emergency before October is unresolved and costs nothing, and from October on they are placed there
  // and the months cost their stays and the place's upkeep.
  Scenario sc = minimal_scenario();
  sc.calls.emergency_share = {1, 1, 1, 1};
  sc.calls.per_registrant_per_year = 2;
  sc.facilities[0].in_service = false;
  sc.search.fallbacks = {Fallback::ElderlyCare};
  EmergencyPlace place;
  place.name = "協定介護施設";
  place.kind = PlaceKind::ElderlyCare;
  place.contact_minutes = Distribution(sim::Constant{0});
  place.admits_at.fill(true);
  place.cost_per_day_yen = 1000;
  place.places = 50;
  place.fixed_cost_per_year_yen = 365'000;
  Scenario later = sc;
  later.emergency_places = {place};
  place.in_service = false;  // as the loader lists a place that joins later in the plans before it
  sc.emergency_places = {place};
  sc.changes.push_back({date(2024, 10, 1), "the agreement starts", later});
  const ReplicationResult r = simulate_replication(sc, 5, 0);
  for (int m = 4; m <= 9; ++m) {
    EXPECT_GT(month(r, 2024, m).emergencies, 0) << m;
    EXPECT_EQ(month(r, 2024, m).arranged, 0) << m;
    EXPECT_EQ(month(r, 2024, m).cost_yen, 0) << m;
  }
  for (int m = 10; m <= 12; ++m) {
    EXPECT_GT(month(r, 2024, m).arranged, 0) << m;
    EXPECT_GE(month(r, 2024, m).cost_yen, 1000.0 * (m == 11 ? 30 : 31)) << m;  // at least the upkeep
  }
  EXPECT_GT(kpi(r, "emergency_place_uses_elderly_care"), 0);
}

TEST(PlanChange, AFacilityWithFewerBedsThanOccupantsAdmitsNobodyUntilBelow) {
  Facility four = minimal_scenario().facilities[0];
  four.beds = 4;
  Facility two = four;
  two.beds = 2;
  FacilityState f(four, sim::RandomStream(1, 0, "planned-stays/0"), 0.0);
  for (int i = 0; i < 4; ++i) f.admit_emergency();
  EXPECT_FALSE(f.has_bed_for_emergency());
  f.change_plan(two, 0.0);
  EXPECT_EQ(f.in_use(), 4);  // nobody is sent away
  for (int in_use = 4; in_use > 2; --in_use) {
    EXPECT_FALSE(f.has_bed_for_emergency()) << in_use << " in 2 beds";
    EXPECT_FALSE(f.has_bed_for_experience());
    EXPECT_FALSE(f.has_bed_for_planned());
    f.discharge_emergency();
  }
  EXPECT_FALSE(f.has_bed_for_emergency());  // 2 in 2 beds: full
  f.discharge_emergency();
  EXPECT_TRUE(f.has_bed_for_emergency());  // 1 in 2 beds
  EXPECT_TRUE(f.has_bed_for_planned());
}

TEST(PlanChange, AFacilityThatLeavesTakesNobodyButKeepsItsOccupants) {
  Facility open = minimal_scenario().facilities[0];
  Facility gone = open;
  gone.in_service = false;
  FacilityState f(open, sim::RandomStream(1, 0, "planned-stays/0"), 0.0);
  f.admit_emergency();
  f.change_plan(gone, 0.0);
  EXPECT_EQ(f.in_use(), 1);
  EXPECT_FALSE(f.has_bed_for_emergency());  // a free bed, but out of service
  EXPECT_FALSE(f.has_bed_for_planned());
}

TEST(PlanChange, NoEmergencyIsPlacedAtAFacilityAfterItLeft) {
  // Every call an emergency needing a short stay, no fallback; the only facility leaves on 2024-10-01. Before
  // that its two beds take most emergencies; from November (all cases of October settled) none is placed.
  Scenario sc = minimal_scenario();
  sc.calls.per_registrant_per_year = 0.5;  // 100 registrants: about 4 emergencies a month
  sc.calls.emergency_share = {1, 1, 1, 1};
  sc.search.fallbacks = {};
  Scenario later = sc;
  later.facilities[0].in_service = false;
  sc.changes.push_back({date(2024, 10, 1), "the facility leaves", later});
  const ReplicationResult r = simulate_replication(sc, 5, 0);
  double placed_before = 0, placed_after = 0, emergencies_after = 0, unresolved_after = 0;
  for (const MonthRecord& m : r.months) {
    const bool after = m.year == 2025 || m.month >= 11;
    if (m.year == 2024 && m.month <= 8) placed_before += m.arranged;
    if (after) {
      placed_after += m.arranged;
      emergencies_after += m.emergencies;
      unresolved_after += m.unresolved;
    }
  }
  EXPECT_GT(placed_before, 5);
  EXPECT_GT(emergencies_after, 5);
  EXPECT_EQ(placed_after, 0);
  EXPECT_EQ(unresolved_after, emergencies_after);
}

}  // namespace
}  // namespace kyoten::hub
