// Callers who give up and call back. A center that answers nobody gives a hand-worked case; a center with c
// coordinators, exponential inquiries and exponential patience is M/M/c+M, checked against Erlang A.
#include <gtest/gtest.h>

#include <vector>

#include "hub_fixture.hpp"
#include "models/hub/hub_model.hpp"
#include "models/queueing/closed_forms.hpp"
#include "sim/run/replication_runner.hpp"
#include "sim/stats/confidence.hpp"

namespace kyoten::hub {
namespace {

using sim::Constant;
using sim::Distribution;

Patience patience(Distribution minutes, double call_back_probability, Distribution call_back_minutes, int tries) {
  Patience p;
  p.stated = true;
  p.minutes.fill(minutes);
  p.call_back_probability = call_back_probability;
  p.call_back_minutes = call_back_minutes;
  p.max_tries = tries;
  return p;
}

// Nobody on duty and no on-call: every caller holds 10 minutes, hangs up, calls back 30 minutes later, three
// calls in all. So each caller hangs up 3 times, calls back twice and gives up for good after 10 + 30 + 10 + 30 +
// 10 = 90 minutes — the wait answer times count for them. Every emergency ends unresolved.
TEST(CallerPatience, UnansweredCallersCallBackThenGiveUpByHand) {
  Scenario sc = testing::minimal_scenario();
  sc.centers[0].staff = testing::staff_all_hours(0);
  sc.calls.emergency_share = {0.5, 0.5, 0.5, 0.5};
  sc.calls.patience = patience(Distribution(Constant{10}), 1.0, Distribution(Constant{30}), 3);
  const ReplicationResult r = simulate_replication(sc, 5, 0);
  const auto k = [&](const char* key) { return r.kpi[kpi_index(key)]; };
  const double calls = k("calls");
  ASSERT_GT(calls, 50);
  // A caller still in their 90 minutes when the horizon ends has not finished: allow one.
  EXPECT_NEAR(k("hang_ups"), 3 * calls, 3);
  EXPECT_NEAR(k("repeat_calls"), 2 * calls, 2);
  EXPECT_NEAR(k("callers_retried"), calls, 1);
  EXPECT_NEAR(k("callers_abandoned"), calls, 1);
  EXPECT_NEAR(k("callers_abandoned_share"), 1.0, 1.0 / calls);
  EXPECT_NEAR(k("answer_mean_min"), 90.0, 1e-6);  // hours to minutes: rounding only
  EXPECT_NEAR(k("outcome_unresolved"), k("emergencies"), 1);
}

// A caller who does not call back gives up for good on the first hang-up.
TEST(CallerPatience, WithoutCallBacksEveryHangUpIsFinal) {
  Scenario sc = testing::minimal_scenario();
  sc.centers[0].staff = testing::staff_all_hours(0);
  sc.calls.patience = patience(Distribution(Constant{10}), 0.0, Distribution(Constant{0}), 3);
  const ReplicationResult r = simulate_replication(sc, 5, 0);
  const auto k = [&](const char* key) { return r.kpi[kpi_index(key)]; };
  EXPECT_EQ(k("repeat_calls"), 0);
  EXPECT_EQ(k("hang_ups"), k("callers_abandoned"));
  EXPECT_NEAR(k("answer_mean_min"), 10.0, 1e-6);
}

// The hub as M/M/c+M: one center with c coordinators round the clock, inquiries only (exponential, mean 1/μ),
// calls at a flat rate λ, exponential patience with rate θ, no call-backs, nothing else for the coordinators to
// do. The share of callers who give up is Erlang A's θ E[queue] / λ, and the mean answer time over all callers
// (the waits of those who gave up included) is E[queue] / λ. Three points, family-wise 99% over six intervals.
struct ErlangAPoint {
  int c;
  double lambda_per_hour, mu_per_hour, theta_per_hour;
};

class HubAsErlangA : public ::testing::TestWithParam<ErlangAPoint> {};

TEST_P(HubAsErlangA, AbandonmentAndMeanWaitMatchTheClosedForm) {
  const ErlangAPoint pt = GetParam();
  Scenario sc = testing::minimal_scenario();
  sc.centers[0].staff = testing::staff_all_hours(pt.c);
  sc.calls.per_registrant_per_year = pt.lambda_per_hour * 24 * 365.25 / sc.registration.initial_registrants;
  sc.calls.inquiry_minutes = Distribution(sim::Exponential{60.0 / pt.mu_per_hour});
  sc.calls.patience = patience(Distribution(sim::Exponential{60.0 / pt.theta_per_hour}), 0.0, Distribution(Constant{0}), 1);
  const auto results =
      sim::run_replications(0, 10, 2, [&](std::size_t r) { return simulate_replication(sc, 2024, r); });
  std::vector<double> abandoned, wait_h;
  for (const auto& r : results) {
    abandoned.push_back(r.kpi[kpi_index("callers_abandoned_share")]);
    wait_h.push_back(r.kpi[kpi_index("answer_mean_min")] / 60.0);
  }
  const queueing::ImpatientQueue truth =
      queueing::erlang_a(pt.lambda_per_hour, pt.mu_per_hour, pt.c, pt.theta_per_hour);
  const double level = 1 - 0.01 / 6;
  const auto a = sim::student_t_interval(abandoned, level);
  const auto w = sim::student_t_interval(wait_h, level);
  EXPECT_TRUE(a.contains(truth.p_abandon)) << "[" << a.low() << ", " << a.high() << "] vs " << truth.p_abandon;
  EXPECT_TRUE(w.contains(truth.mean_wait)) << "[" << w.low() << ", " << w.high() << "] vs " << truth.mean_wait;
}

INSTANTIATE_TEST_SUITE_P(ThreePoints, HubAsErlangA,
                         ::testing::Values(ErlangAPoint{1, 0.8, 1.0, 1.0}, ErlangAPoint{2, 1.8, 1.0, 0.5},
                                           ErlangAPoint{3, 3.5, 1.0, 0.25}));

}  // namespace
}  // namespace kyoten::hub
