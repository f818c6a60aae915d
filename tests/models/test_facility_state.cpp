// A short-stay facility's beds (models/hub/facility_state.hpp): who may use which bed (hand-worked), planned
// stays against the Erlang loss formula, and the lazy replay of planned stays equal to an eager, event-by-event
// version of the same stays (the claim the facility's header makes).
#include "models/hub/facility_state.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <boost/random/exponential_distribution.hpp>
#include <cmath>

#include "models/queueing/closed_forms.hpp"
#include "sim/event/event_calendar.hpp"

using namespace kyoten::hub;
using kyoten::sim::Constant;
using kyoten::sim::Distribution;
using kyoten::sim::Exponential;
using kyoten::sim::RandomStream;

namespace {

Facility facility(int beds, int reserved, Distribution stay_days = Distribution(Constant{5})) {
  Facility f;
  f.beds = beds;
  f.reserved_emergency_beds = reserved;
  f.planned_stay_days = std::move(stay_days);
  return f;
}

// The same planned stays played event by event on a calendar: requests and ends are events; a request is
// admitted when an ordinary bed is free (emergencies beyond the reserved beds take ordinary ones), and draws
// are made in the order a person would: the stay's length on admission, then the gap to the next request.
class EagerFacility {
 public:
  EagerFacility(const Facility& f, RandomStream s, double rate) : f_(f), s_(std::move(s)), rate_(rate) {
    if (rate_ > 0) calendar_.schedule(gap(), kRequest);
  }
  void advance_to(double t) {
    while (!calendar_.empty() && calendar_.next_time() <= t) {
      const kyoten::sim::Event e = calendar_.pop();
      accrue(e.time);
      if (e.kind == kEnd) {
        --planned_;
        continue;
      }
      if (planned_ + std::max(0, emergency_ - f_.reserved_emergency_beds) < f_.beds - f_.reserved_emergency_beds) {
        ++planned_;
        calendar_.schedule(e.time + f_.planned_stay_days(s_) * 24.0, kEnd);
      } else {
        ++refused_;
      }
      calendar_.schedule(e.time + gap(), kRequest);
    }
    accrue(t);
  }
  void admit_emergency() { ++emergency_; }
  void discharge_emergency() { --emergency_; }
  [[nodiscard]] int planned() const { return planned_; }
  [[nodiscard]] int refused() const { return refused_; }
  [[nodiscard]] double bed_hours() const { return bed_hours_; }

 private:
  enum : std::uint32_t { kRequest, kEnd };
  double gap() { return boost::random::exponential_distribution<double>(rate_)(s_); }
  void accrue(double t) {
    bed_hours_ += planned_ * (t - last_);
    last_ = t;
  }

  const Facility& f_;
  RandomStream s_;
  double rate_;
  kyoten::sim::EventCalendar calendar_;
  int planned_ = 0, emergency_ = 0, refused_ = 0;
  double bed_hours_ = 0, last_ = 0;
};

}  // namespace

TEST(FacilityState, PlannedStaysUseOnlyTheBedsNotReserved) {
  // Requests every few minutes and stays of 1000 days: the two ordinary beds fill and stay full.
  const Facility f = facility(3, 1, Distribution(Constant{1000}));
  FacilityState s(f, RandomStream(1, 0, "planned"), 20.0);
  s.advance_to(10.0);
  EXPECT_EQ(s.planned(), 2);
  EXPECT_FALSE(s.has_bed_for_planned());
  EXPECT_TRUE(s.has_free_reserved_bed());
  EXPECT_TRUE(s.has_bed_for_emergency());
  s.admit_emergency();
  EXPECT_FALSE(s.has_free_reserved_bed());
  EXPECT_FALSE(s.has_bed_for_emergency());
  EXPECT_EQ(s.in_use(), 3);
}

TEST(FacilityState, EmergenciesTakeReservedBedsBeforeOrdinaryOnes) {
  const Facility f = facility(3, 1);
  FacilityState s(f, RandomStream(1, 0, "planned"), 0.0);  // no planned stays
  s.admit_emergency();                                       // in the reserved bed
  EXPECT_TRUE(s.has_bed_for_planned());
  EXPECT_FALSE(s.has_free_reserved_bed());
  s.admit_emergency();  // overflows into an ordinary bed: one ordinary bed left for planned stays
  EXPECT_TRUE(s.has_bed_for_planned());
  s.admit_emergency();
  EXPECT_FALSE(s.has_bed_for_planned());
  s.discharge_emergency();
  EXPECT_TRUE(s.has_bed_for_planned());
}

TEST(FacilityState, PreemptionTakesAnExperienceStayAndDischargeTheNamedOne) {
  const Facility f = facility(3, 0);
  FacilityState s(f, RandomStream(1, 0, "planned"), 0.0);
  s.admit_experience({7, {}});
  s.admit_experience({9, {}});
  s.admit_experience({11, {}});
  EXPECT_FALSE(s.has_bed_for_emergency());
  EXPECT_EQ(s.preempt_experience().booking, 11u);  // the most recent stay makes room
  EXPECT_TRUE(s.has_bed_for_emergency());
  s.discharge_experience(7);
  EXPECT_EQ(s.experience(), 1);
  EXPECT_EQ(s.preempt_experience().booking, 9u);  // 7 was discharged, so 9 is the one left
  EXPECT_EQ(s.experience(), 0);
}

TEST(FacilityState, AcceptanceMultipliesTheFactorsAndCapsAtOne) {
  Facility f = facility(1, 0);
  f.acceptance.base = {0.5, 0.4, 0.3, 0.2};
  f.acceptance.assessed_factor = 1.2;
  f.acceptance.known_factor = 1.5;
  f.acceptance.advance_plan_factor = 2.0;
  const FacilityState s(f, RandomStream(1, 0, "planned"), 0.0);
  Registrant r;
  EXPECT_DOUBLE_EQ(s.acceptance_probability(r, 2, TimeBand::WeekdayEvening), 0.4);
  r.assessed = true;
  r.known_facilities = 1u << 2;
  EXPECT_DOUBLE_EQ(s.acceptance_probability(r, 2, TimeBand::WeekdayDaytime), 0.5 * 1.2 * 1.5);
  EXPECT_DOUBLE_EQ(s.acceptance_probability(r, 3, TimeBand::WeekdayDaytime), 0.5 * 1.2);  // not known here
  r.advance_plan = true;
  EXPECT_EQ(s.acceptance_probability(r, 2, TimeBand::WeekdayDaytime), 1.0);
}

TEST(FacilityState, CapableOfFollowsTheFacilitysAbilities) {
  Facility f = facility(1, 0);
  f.medical_care = true;
  f.children = false;
  const FacilityState s(f, RandomStream(1, 0, "planned"), 0.0);
  Registrant r;
  EXPECT_TRUE(s.capable_of(r));
  r.medical_care = true;
  EXPECT_TRUE(s.capable_of(r));
  r.behavioural = true;
  EXPECT_FALSE(s.capable_of(r));
  r.behavioural = false;
  r.child = true;
  EXPECT_FALSE(s.capable_of(r));
}

TEST(FacilityState, PlannedStaysMatchTheErlangLossFormula) {
  // Poisson requests at 0.05 per hour, exponential stays of 2 days, 3 ordinary beds: an M/M/3/3 loss system
  // with offered load a = 0.05 · 48 = 2.4; refused share B(2.4, 3) and mean beds in use a (1 − B).
  const Facility f = facility(4, 1, Distribution(Exponential{2.0}));
  constexpr double kRate = 0.05, kHours = 2e6;
  FacilityState s(f, RandomStream(3, 0, "planned"), kRate);
  s.restart_statistics(1000.0);
  s.advance_to(1000.0 + kHours);
  const double blocking = kyoten::queueing::erlang_b(2.4, 3);
  EXPECT_NEAR(blocking, 2.304 / 8.584, 1e-12);  // hand-worked: (a³/3!) / (1 + a + a²/2 + a³/6)
  EXPECT_NEAR(s.planned_refused() / (kRate * kHours), blocking, 0.01);
  EXPECT_NEAR(s.planned_bed_hours() / kHours, 2.4 * (1 - blocking), 0.03);
}

TEST(FacilityState, LazyReplayEqualsEagerEventsForAFixedHistory) {
  const Facility f = facility(5, 2, Distribution(Exponential{4.0}));
  FacilityState lazy(f, RandomStream(9, 1, "planned"), 0.04);
  EagerFacility eager(f, RandomStream(9, 1, "planned"), 0.04);
  lazy.restart_statistics(0.0);
  for (double t = 7.5; t < 5000; t += 7.5) {
    lazy.advance_to(t);
    eager.advance_to(t);
    ASSERT_EQ(lazy.planned(), eager.planned()) << "at " << t;
    const int step = static_cast<int>(t / 7.5) % 40;
    if (step < 3 && lazy.has_bed_for_emergency()) lazy.admit_emergency(), eager.admit_emergency();
    if (step >= 20 && step < 23 && lazy.emergency() > 0) lazy.discharge_emergency(), eager.discharge_emergency();
  }
  EXPECT_EQ(lazy.planned_refused(), eager.refused());
  EXPECT_GT(eager.refused(), 0);  // the emergencies did crowd planned stays out
  EXPECT_NEAR(lazy.planned_bed_hours(), eager.bed_hours(), 1e-6 * eager.bed_hours());
}

// Property: for any facility size, stay length, request rate and history of emergency admissions and discharges
// at any times, the lazy facility shows the eager one's planned stays whenever it is looked at, and the same
// refusals and planned bed-hours at the end.
RC_GTEST_PROP(FacilityStateProperty, LazyEqualsEager, ()) {
  const int beds = *rc::gen::inRange(1, 8);
  const int reserved = *rc::gen::inRange(0, beds + 1);
  const double mean_stay_days = *rc::gen::inRange(1, 20);
  const double rate = *rc::gen::inRange(1, 50) / 100.0;  // requests per hour
  const auto seed = *rc::gen::inRange<std::uint64_t>(0, 1000);
  const auto steps = *rc::gen::container<std::vector<std::pair<int, int>>>(
      rc::gen::pair(rc::gen::inRange(0, 200), rc::gen::inRange(0, 3)));  // (hours to the next look, action)
  const Facility f = facility(beds, reserved, Distribution(Exponential{mean_stay_days}));
  FacilityState lazy(f, RandomStream(seed, 0, "planned"), rate);
  EagerFacility eager(f, RandomStream(seed, 0, "planned"), rate);
  lazy.restart_statistics(0.0);
  double t = 0;
  for (const auto& [hours, action] : steps) {
    t += hours + 0.5;
    lazy.advance_to(t);
    eager.advance_to(t);
    RC_ASSERT(lazy.planned() == eager.planned());
    if (action == 1 && lazy.has_bed_for_emergency()) lazy.admit_emergency(), eager.admit_emergency();
    if (action == 2 && lazy.emergency() > 0) lazy.discharge_emergency(), eager.discharge_emergency();
  }
  RC_ASSERT(lazy.planned_refused() == eager.refused());
  RC_ASSERT(std::abs(lazy.planned_bed_hours() - eager.bed_hours()) <= 1e-9 * (1 + eager.bed_hours()));
}

// ---- Wide-area beds shared with the neighbouring municipalities, and daytime respite (seed 003) ----

namespace {
// Neighbours ask for the shared beds every few minutes and stay 1000 days: whatever beds they may hold, they
// hold from the first hours on.
Facility shared_with_neighbours(int beds, int reserved, int shared) {
  Facility f = facility(beds, reserved);
  f.wide_area.beds = shared;
  f.wide_area.neighbour_stays_per_year = 100'000;
  f.wide_area.neighbour_stay_days = Distribution(Constant{1000});
  return f;
}
}  // namespace

TEST(FacilityState, ABedHeldByANeighboursStayIsUnavailableToTheTown) {
  const Facility f = shared_with_neighbours(1, 0, 1);
  FacilityState s(f, RandomStream(1, 0, "planned"), 0.0);
  s.advance_to(10.0);
  EXPECT_EQ(s.neighbour(), 1);
  EXPECT_EQ(s.in_use(), 1);
  EXPECT_FALSE(s.has_bed_for_emergency());
  EXPECT_FALSE(s.has_bed_for_experience());
  // The same facility not shared keeps its bed for the town.
  const Facility own = facility(1, 0);
  FacilityState t(own, RandomStream(1, 0, "planned"), 0.0);
  t.advance_to(10.0);
  EXPECT_TRUE(t.has_bed_for_emergency());
}

TEST(FacilityState, NeighboursHoldNoMoreThanTheSharedBedsAndTakeTheReservedOneFirst) {
  // Four beds, one reserved, two shared: the neighbours hold two (the reserved bed and one ordinary bed); two
  // beds stay for the town, one of them for planned stays as well.
  const Facility f = shared_with_neighbours(4, 1, 2);
  FacilityState s(f, RandomStream(1, 0, "planned"), 0.0);
  s.restart_statistics(0.0);
  s.advance_to(100.0);
  EXPECT_EQ(s.neighbour(), 2);
  EXPECT_FALSE(s.has_free_reserved_bed());
  EXPECT_TRUE(s.has_bed_for_planned());
  s.admit_emergency();
  s.admit_emergency();
  EXPECT_FALSE(s.has_bed_for_emergency());
  EXPECT_EQ(s.neighbour_admitted(), 2);
  EXPECT_GT(s.neighbour_refused(), 0);  // every later request found the two shared beds held
}

TEST(FacilityState, NeighboursStaysInOneSharedBedMatchTheErlangLossFormula) {
  // 20 stays a year of exponential length, mean 7 days, for one shared bed: an M/M/1/1 loss system with offered
  // load a = 20 · 7 / 365.25; the bed is held a share a / (1 + a) of the time, and that share of requests is
  // refused (PASTA).
  Facility f = facility(1, 0);
  f.wide_area.beds = 1;
  f.wide_area.neighbour_stays_per_year = 20;
  f.wide_area.neighbour_stay_days = Distribution(Exponential{7.0});
  constexpr double kHours = 2e7;
  FacilityState s(f, RandomStream(4, 0, "planned"), 0.0);
  s.restart_statistics(0.0);
  s.advance_to(kHours);
  const double a = 20 * 7 / 365.25;
  EXPECT_NEAR(s.neighbour_bed_hours() / kHours, a / (1 + a), 0.01);
  EXPECT_NEAR(double(s.neighbour_refused()) / (s.neighbour_admitted() + s.neighbour_refused()), a / (1 + a), 0.01);
}

TEST(FacilityState, RespiteTakesOnlyFreeOrdinaryBedsAndGivesThemBack) {
  // Three beds, one reserved for emergencies, no planned stays.
  const Facility f = facility(3, 1);
  FacilityState s(f, RandomStream(1, 0, "planned"), 0.0);
  s.restart_statistics(0.0);
  s.advance_to(9.0);
  s.set_respite(2);  // 9:00: both ordinary beds
  EXPECT_EQ(s.respite(), 2);
  EXPECT_FALSE(s.has_bed_for_planned());
  EXPECT_TRUE(s.has_free_reserved_bed());  // respite never takes the reserved bed
  s.admit_emergency();
  EXPECT_FALSE(s.has_bed_for_emergency());  // an emergency at 11:00 finds every bed taken
  s.advance_to(17.0);
  s.set_respite(0);  // 17:00: respite goes home
  EXPECT_TRUE(s.has_bed_for_emergency());  // an emergency at 20:00 finds an ordinary bed free
  EXPECT_EQ(s.in_use(), 1);
  // Two emergencies (one beyond the reserved bed) leave one ordinary bed: respite the next day gets only that.
  s.admit_emergency();
  s.advance_to(33.0);
  s.set_respite(2);
  EXPECT_EQ(s.respite(), 1);
  s.advance_to(41.0);
  s.set_respite(0);
  // Held 2 beds for 8 h and 1 bed for 8 h of the 16 h wanted at 2 beds.
  EXPECT_DOUBLE_EQ(s.respite_bed_hours(), 2 * 8 + 1 * 8);
  EXPECT_DOUBLE_EQ(s.respite_wanted_bed_hours(), 2 * 8 + 2 * 8);
}
