// Closed forms against published tables and against independent computations (direct sums, log-space sums).
#include "models/queueing/closed_forms.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <vector>

namespace q = kyoten::queueing;

namespace {

// Erlang B by its defining sum (a^c / c!) / sum_k a^k / k!, fine for small c: a different computation from the
// recursion under test.
double erlang_b_direct(double a, int c) {
  double term = 1.0, sum = 1.0;
  for (int k = 1; k <= c; ++k) {
    term *= a / k;
    sum += term;
  }
  return term / sum;
}

// Erlang C by its defining sum, as printed in textbooks (e.g. Gross & Harris, Fundamentals of Queueing Theory).
double erlang_c_direct(double a, int c) {
  double term = 1.0, sum = 0.0;
  for (int k = 0; k < c; ++k) {
    sum += term;
    term *= a / (k + 1);
  }
  const double top = term * c / (c - a);  // (a^c / c!) c / (c - a)
  return top / (sum + top);
}

// Engset time congestion by the explicit binomial formula C(N,c) b^c / sum_{i<=c} C(N,i) b^i.
double engset_direct(int n, int c, double beta) {
  double term = 1.0, sum = 1.0;  // C(N,0) b^0
  for (int i = 1; i <= c; ++i) {
    term *= static_cast<double>(n - i + 1) / i * beta;
    sum += term;
  }
  return term / sum;
}

}  // namespace

// Erlang B tables (e.g. the Erlang B table in the ITU-D Teletraffic Engineering Handbook, Iversen 2005, and the
// tables printed by Westbay Engineers): the traffic in erlangs carried at 1% blocking is 1.361 E on 5 circuits,
// 4.461 E on 10, 12.031 E on 20, 37.90 E on 50, 84.06 E on 100; at 2% it is 5.084 E on 10 circuits. The tabulated
// loads are rounded, so B comes back within a rounding step of the grade of service.
TEST(ErlangB, ReproducesPublishedTableOfLoadAtGradeOfService) {
  struct Row {
    int servers;
    double erlangs;
    double grade;
  };
  for (const Row& r : {Row{5, 1.361, 0.01}, Row{10, 4.461, 0.01}, Row{20, 12.031, 0.01}, Row{50, 37.90, 0.01},
                       Row{100, 84.06, 0.01}, Row{10, 5.084, 0.02}}) {
    EXPECT_NEAR(q::erlang_b(r.erlangs, r.servers), r.grade, 2e-5) << r.servers << " servers, " << r.erlangs << " E";
  }
}

// The textbook example of 10 erlangs offered to 15 circuits: blocking 3.65%.
TEST(ErlangB, TenErlangsOnFifteenCircuits) {
  EXPECT_NEAR(q::erlang_b(10.0, 15), 0.0365, 5e-5);
  EXPECT_NEAR(q::erlang_b(10.0, 15), erlang_b_direct(10.0, 15), 1e-14);
}

TEST(ErlangB, RecursionAgreesWithDirectSum) {
  for (int c : {1, 2, 3, 7, 15, 40})
    for (double a : {0.0, 0.1, 1.0, 5.5, 20.0, 60.0}) EXPECT_NEAR(q::erlang_b(a, c), erlang_b_direct(a, c), 1e-13);
}

// For thousands of servers a^c / c! overflows a double; the recursion must not. Check against a log-space sum.
TEST(ErlangB, StaysFiniteForLargeSystems) {
  const int c = 2000;
  const double a = 1900.0;
  double log_max = -INFINITY;
  std::vector<double> logs;
  for (int k = 0; k <= c; ++k) {
    logs.push_back(k * std::log(a) - std::lgamma(k + 1.0));
    log_max = std::max(log_max, logs.back());
  }
  double sum = 0.0;
  for (double l : logs) sum += std::exp(l - log_max);
  const double expected = std::exp(logs.back() - log_max) / sum;
  EXPECT_NEAR(q::erlang_b(a, c), expected, 1e-10);
  EXPECT_TRUE(std::isfinite(q::erlang_b(1e6, 1000000)));
}

TEST(ErlangB, SingleServerIsAOverOnePlusA) { EXPECT_DOUBLE_EQ(q::erlang_b(3.0, 1), 0.75); }

// Westbay Engineers' worked Erlang C example ("The Erlang-C formula", erlang.com): 360 calls per half hour, calls of
// 4 minutes, 55 agents. Traffic 48 E; probability of waiting 23.87%; average speed of answer 8.2 s.
TEST(ErlangC, CallCentreWorkedExample) {
  const double lambda = 360.0 / 30.0;  // calls per minute
  const double mu = 1.0 / 4.0;         // per minute
  EXPECT_NEAR(q::erlang_c(lambda / mu, 55), 0.2387, 5e-5);
  EXPECT_NEAR(q::mmc_mean_wait(lambda, mu, 55) * 60.0, 8.2, 0.05);  // seconds
  EXPECT_NEAR(q::erlang_c(48.0, 55), erlang_c_direct(48.0, 55), 1e-13);
}

// A textbook exercise (120 customers per hour, 3 minutes each, 10 assistants: "from the Erlang C curve, the
// probability of waiting is about 0.10").
TEST(ErlangC, TenAssistantsSixErlangs) { EXPECT_NEAR(q::erlang_c(6.0, 10), 0.10, 0.005); }

TEST(ErlangC, AgreesWithDirectSumAndWithMM1) {
  for (int c : {1, 2, 5, 12})
    for (double rho : {0.1, 0.5, 0.8, 0.95}) EXPECT_NEAR(q::erlang_c(rho * c, c), erlang_c_direct(rho * c, c), 1e-13);
  // M/M/1: P(wait) = rho, Wq = rho / (mu - lambda), Lq = rho^2 / (1 - rho).
  EXPECT_NEAR(q::erlang_c(0.7, 1), 0.7, 1e-15);
  EXPECT_NEAR(q::mmc_mean_wait(0.7, 1.0, 1), 0.7 / 0.3, 1e-13);
  EXPECT_NEAR(q::mmc_mean_queue_length(0.7, 1.0, 1), 0.49 / 0.3, 1e-13);
}

TEST(ErlangC, MeanWaitScalesWithServiceTime) {
  // Same load, service twice as slow: the wait doubles.
  EXPECT_NEAR(q::mmc_mean_wait(1.6, 0.5, 4), 2.0 * q::mmc_mean_wait(3.2, 1.0, 4), 1e-13);
  EXPECT_EQ(q::mmc_mean_wait(0.0, 1.0, 3), 0.0);
}

TEST(ClosedForms, RejectInvalidArguments) {
  EXPECT_THROW(q::erlang_b(-1.0, 3), std::invalid_argument);
  EXPECT_THROW(q::erlang_b(1.0, 0), std::invalid_argument);
  EXPECT_THROW(q::erlang_b(NAN, 2), std::invalid_argument);
  EXPECT_THROW(q::erlang_c(3.0, 3), std::invalid_argument);  // a = c: unstable
  EXPECT_THROW(q::erlang_c(4.0, 3), std::invalid_argument);
  EXPECT_THROW(q::mmc_mean_wait(2.0, 1.0, 2), std::invalid_argument);
  EXPECT_THROW(q::mmc_mean_wait(-1.0, 1.0, 2), std::invalid_argument);
  EXPECT_THROW(q::mmc_mean_wait(1.0, 0.0, 2), std::invalid_argument);
  EXPECT_THROW(q::mmc_mean_queue_length(1.0, 1.0, 0), std::invalid_argument);
  EXPECT_THROW(q::engset_blocking(0, 1, 0.5), std::invalid_argument);
  EXPECT_THROW(q::engset_blocking(5, 0, 0.5), std::invalid_argument);
  EXPECT_THROW(q::engset_blocking(5, 2, -0.1), std::invalid_argument);
  try {
    q::mmc_mean_wait(2.0, 1.0, 2);
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("unstable"), std::string::npos) << e.what();
  }
}

// A case small enough to do by hand: N = 4 sources, c = 2 servers, b = 0.5 erlang per idle source.
// Time congestion C(4,2) b^2 / (1 + 4b + 6b^2) = 1.5 / 4.5 = 1/3.
// Call congestion = time congestion with 3 sources: C(3,2) b^2 / (1 + 3b + 3b^2) = 0.75 / 3.25 = 3/13.
TEST(Engset, HandComputedSmallCase) {
  const auto e = q::engset_blocking(4, 2, 0.5);
  EXPECT_NEAR(e.time_congestion, 1.0 / 3.0, 1e-15);
  EXPECT_NEAR(e.call_congestion, 3.0 / 13.0, 1e-15);
}

TEST(Engset, RecursionAgreesWithBinomialFormula) {
  for (int n : {2, 5, 10, 30})
    for (int c = 1; c <= n; ++c)
      for (double b : {0.05, 0.3, 1.0, 4.0}) {
        const auto e = q::engset_blocking(n, c, b);
        EXPECT_NEAR(e.time_congestion, engset_direct(n, c, b), 1e-13);
        EXPECT_NEAR(e.call_congestion, c <= n - 1 ? engset_direct(n - 1, c, b) : 0.0, 1e-13);
        EXPECT_LT(e.call_congestion, e.time_congestion);  // fewer idle sources ask when all servers are busy
      }
}

// With N sources each offering A/N erlangs the arrivals become Poisson as N grows: Engset tends to Erlang B.
TEST(Engset, ManySourcesApproachErlangB) {
  const double a = 10.0;
  const int c = 15;
  double previous_gap = INFINITY;
  for (int n : {100, 1000, 10000, 100000}) {
    const auto e = q::engset_blocking(n, c, a / (n - a));  // b / (1 + b) per source: offered A in total
    const double gap = std::abs(e.call_congestion - q::erlang_b(a, c));
    EXPECT_LT(gap, previous_gap);
    previous_gap = gap;
  }
  EXPECT_LT(previous_gap, 1e-5);
}

TEST(Engset, NoBlockingWhenEverySourceHasAServer) {
  const auto e = q::engset_blocking(3, 3, 2.0);
  EXPECT_EQ(e.call_congestion, 0.0);
  EXPECT_NEAR(e.time_congestion, 8.0 / 27.0, 1e-15);  // all 3 busy: (b/(1+b))^3 with b = 2
  EXPECT_EQ(q::engset_blocking(3, 4, 2.0).time_congestion, 0.0);
}

namespace kyoten::queueing {
namespace {

// One bed: B(a, 1) = a / (1 + a), so the carried share is a / (1 + a) and the inverse is occ / (1 − occ).
TEST(ErlangBInverse, OneServerByHand) {
  EXPECT_NEAR(erlang_b_offered_load_for_occupancy(0.85, 1), 0.85 / 0.15, 1e-9);
  EXPECT_NEAR(erlang_b_offered_load_for_occupancy(0.5, 1), 1.0, 1e-9);
  EXPECT_EQ(erlang_b_offered_load_for_occupancy(0.0, 1), 0.0);
}

// Two beds, half of them busy: a (1 − (a²/2) / (1 + a + a²/2)) / 2 = 1/2 ⇔ a(2 + 2a) = 2 + 2a + a² ⇔ a² = 2.
TEST(ErlangBInverse, TwoServersHalfBusyIsRootTwo) {
  EXPECT_NEAR(erlang_b_offered_load_for_occupancy(0.5, 2), std::sqrt(2.0), 1e-9);
}

// The offered load is always above the carried load (lost requests), the more so the fuller the beds.
TEST(ErlangBInverse, OfferedExceedsCarriedAndRoundTrips) {
  for (int c : {3, 10, 40}) {
    for (double occ : {0.5, 0.85, 0.97}) {
      const double a = erlang_b_offered_load_for_occupancy(occ, c);
      EXPECT_GT(a, occ * c);
      EXPECT_NEAR(a * (1 - erlang_b(a, c)) / c, occ, 1e-9) << c << " " << occ;
    }
  }
  EXPECT_THROW(erlang_b_offered_load_for_occupancy(1.0, 3), std::invalid_argument);
  EXPECT_THROW(erlang_b_offered_load_for_occupancy(-0.1, 3), std::invalid_argument);
}

}  // namespace
}  // namespace kyoten::queueing

namespace kyoten::queueing {
namespace {

// Patience as long as service on average (theta = mu): every customer present leaves at rate mu whether served
// or waiting, so the number present is that of M/M/∞, Poisson(a). With c = 1, λ = μ = θ = 1, by hand:
// P(wait) = P(N ≥ 1) = 1 − e⁻¹; E[queue] = E[(N − 1)⁺] = E[N] − 1 + P(N = 0) = e⁻¹; P(abandon) = θ E[queue] / λ = e⁻¹.
TEST(ErlangA, PatienceEqualToServiceIsPoissonByHand) {
  const ImpatientQueue q = erlang_a(1.0, 1.0, 1, 1.0);
  const double e1 = std::exp(-1.0);
  EXPECT_NEAR(q.p_wait, 1 - e1, 1e-12);
  EXPECT_NEAR(q.mean_queue, e1, 1e-12);
  EXPECT_NEAR(q.p_abandon, e1, 1e-12);
  EXPECT_NEAR(q.mean_wait, e1, 1e-12);  // E[queue] / λ
}

// Two servers, θ = μ = 1, λ = 2: N ~ Poisson(2). P(N ≥ 2) = 1 − 3e⁻²; E[(N − 2)⁺] = 2 − 2 + 2 P(0) + P(1) = 4e⁻².
TEST(ErlangA, TwoServersPoissonCaseByHand) {
  const ImpatientQueue q = erlang_a(2.0, 1.0, 2, 1.0);
  const double e2 = std::exp(-2.0);
  EXPECT_NEAR(q.p_wait, 1 - 3 * e2, 1e-12);
  EXPECT_NEAR(q.mean_queue, 4 * e2, 1e-12);
  EXPECT_NEAR(q.p_abandon, 4 * e2 / 2, 1e-12);
}

// Customers who (almost) never give up: Erlang A tends to Erlang C.
TEST(ErlangA, EndlessPatienceIsErlangC) {
  for (auto [c, lambda] : {std::pair{1, 0.5}, std::pair{2, 1.6}, std::pair{10, 8.5}}) {
    const ImpatientQueue q = erlang_a(lambda, 1.0, c, 1e-9);
    EXPECT_NEAR(q.p_wait, erlang_c(lambda, c), 1e-6) << c;
    EXPECT_NEAR(q.mean_wait, mmc_mean_wait(lambda, 1.0, c), 1e-5) << c;
    EXPECT_LT(q.p_abandon, 1e-6);
  }
  // Overloaded (λ > c μ) Erlang A still settles: impatience empties the queue. Served + abandoned = all.
  const ImpatientQueue over = erlang_a(3.0, 1.0, 2, 0.5);
  const double served_share = (1.0 - over.p_abandon);
  EXPECT_LT(served_share * 3.0, 2.0);  // at most c μ served per unit time
  EXPECT_GT(over.p_abandon, 1.0 / 3.0 - 1e-9);
}

// M/M/1/2 with λ = μ: three states equally likely, so 1/3 are blocked, 1/3 wait; E[queue] = 1/3; the admitted
// arrive at 2/3 λ, so Wq = (1/3) / (2/3) = 1/2.
TEST(MmckProductForm, OneServerTwoPlacesByHand) {
  const ImpatientQueue q = mmck_product_form(1.0, 1.0, 1, 2);
  EXPECT_NEAR(q.p_blocked, 1.0 / 3.0, 1e-12);
  EXPECT_NEAR(q.p_wait, 1.0 / 3.0, 1e-12);
  EXPECT_NEAR(q.mean_wait, 0.5, 1e-12);
  EXPECT_EQ(q.p_abandon, 0.0);
}

// K = c is the loss system: blocking is Erlang B, and nobody waits.
TEST(MmckProductForm, NoWaitingRoomIsErlangB) {
  const ImpatientQueue q = mmck_product_form(3.0, 1.0, 4, 4);
  EXPECT_NEAR(q.p_blocked, erlang_b(3.0, 4), 1e-12);
  EXPECT_NEAR(q.p_wait, 0.0, 1e-12);
}

}  // namespace
}  // namespace kyoten::queueing
