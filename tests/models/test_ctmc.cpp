// M/M/c/K solved as a Markov chain against its product form, and against M/M/c and M/M/c/c at the limits.
#include "models/queueing/ctmc.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "models/queueing/closed_forms.hpp"

namespace q = kyoten::queueing;

namespace {

// Product form of M/M/c/K (e.g. Gross & Harris, Fundamentals of Queueing Theory, section 2.6):
// p(n) proportional to a^n / n! for n <= c and a^c / c! * rho^(n - c) for c < n <= K.
Eigen::VectorXd mmck_product_form(double lambda, double mu, int c, int k) {
  const double a = lambda / mu;
  Eigen::VectorXd p(k + 1);
  p(0) = 1.0;
  for (int n = 1; n <= k; ++n) p(n) = p(n - 1) * a / std::min(n, c);
  return p / p.sum();
}

}  // namespace

TEST(Ctmc, TwoStateChain) {
  Eigen::MatrixXd Q(2, 2);
  Q << -3.0, 3.0, 1.0, -1.0;  // leaves 0 at rate 3, leaves 1 at rate 1
  const Eigen::VectorXd pi = q::stationary_distribution(Q);
  EXPECT_NEAR(pi(0), 0.25, 1e-14);
  EXPECT_NEAR(pi(1), 0.75, 1e-14);
}

TEST(Ctmc, OneStateChain) {
  const Eigen::VectorXd pi = q::stationary_distribution(Eigen::MatrixXd::Zero(1, 1));
  EXPECT_DOUBLE_EQ(pi(0), 1.0);
}

TEST(Ctmc, RejectsMatricesThatAreNotGenerators) {
  Eigen::MatrixXd not_square(2, 3);
  not_square.setZero();
  EXPECT_THROW(q::stationary_distribution(not_square), std::invalid_argument);
  Eigen::MatrixXd negative_rate(2, 2);
  negative_rate << 1.0, -1.0, 1.0, -1.0;
  EXPECT_THROW(q::stationary_distribution(negative_rate), std::invalid_argument);
  Eigen::MatrixXd rows_do_not_sum_to_zero(2, 2);
  rows_do_not_sum_to_zero << -1.0, 2.0, 1.0, -1.0;
  EXPECT_THROW(q::stationary_distribution(rows_do_not_sum_to_zero), std::invalid_argument);
}

TEST(Ctmc, RejectsReducibleChain) {
  // Two closed classes {0,1} and {2,3}: no unique stationary distribution.
  Eigen::MatrixXd Q = Eigen::MatrixXd::Zero(4, 4);
  Q << -1, 1, 0, 0, 1, -1, 0, 0, 0, 0, -2, 2, 0, 0, 2, -2;
  EXPECT_THROW(q::stationary_distribution(Q), std::invalid_argument);
}

TEST(Mmck, MatchesProductForm) {
  struct Case {
    double lambda, mu;
    int c, k;
  };
  for (const Case& t : {Case{0.8, 1.0, 1, 5}, Case{3.0, 1.0, 2, 10}, Case{4.5, 0.5, 6, 20}, Case{1.0, 2.0, 3, 3}}) {
    const auto s = q::solve_mmck(t.lambda, t.mu, t.c, t.k);
    const Eigen::VectorXd p = mmck_product_form(t.lambda, t.mu, t.c, t.k);
    ASSERT_EQ(s.distribution.size(), p.size());
    for (int n = 0; n <= t.k; ++n) EXPECT_NEAR(s.distribution(n), p(n), 1e-12) << "state " << n;
    EXPECT_NEAR(s.blocking, p(t.k), 1e-12);
    double l = 0.0, lq = 0.0;
    for (int n = 0; n <= t.k; ++n) {
      l += n * p(n);
      lq += std::max(0, n - t.c) * p(n);
    }
    EXPECT_NEAR(s.mean_in_system, l, 1e-10);
    EXPECT_NEAR(s.mean_in_queue, lq, 1e-10);
    // Little's law on accepted customers, and W = Wq + 1/mu.
    EXPECT_NEAR(s.mean_wait_in_queue, lq / (t.lambda * (1 - p(t.k))), 1e-10);
    EXPECT_NEAR(s.mean_time_in_system, s.mean_wait_in_queue + 1.0 / t.mu, 1e-10);
  }
}

// K = c: no room to wait, so M/M/c/c, whose blocking is Erlang B.
TEST(Mmck, NoWaitingRoomGivesErlangB) {
  for (int c : {1, 4, 10}) EXPECT_NEAR(q::solve_mmck(7.0, 1.0, c, c).blocking, q::erlang_b(7.0, c), 1e-12);
}

// As the waiting room grows, M/M/c/K approaches M/M/c: Erlang C's P(wait) and Wq.
TEST(Mmck, LargeCapacityApproachesErlangC) {
  const double lambda = 3.6, mu = 1.0;  // rho = 0.9: the truncation error shrinks like 0.9^K
  const int c = 4;
  double previous_gap = INFINITY;
  for (int k : {10, 20, 40, 80, 160}) {
    const auto s = q::solve_mmck(lambda, mu, c, k);
    const double gap = std::abs(s.mean_wait_in_queue - q::mmc_mean_wait(lambda, mu, c));
    EXPECT_LT(gap, previous_gap);
    previous_gap = gap;
  }
  const auto s = q::solve_mmck(lambda, mu, c, 400);
  EXPECT_NEAR(s.mean_wait_in_queue, q::mmc_mean_wait(lambda, mu, c), 1e-9);
  EXPECT_NEAR(s.distribution.tail(400 - c + 1).sum(), q::erlang_c(lambda / mu, c), 1e-9);
  EXPECT_NEAR(s.mean_in_queue, q::mmc_mean_queue_length(lambda, mu, c), 1e-9);
}

TEST(Mmck, RejectsInvalidArguments) {
  EXPECT_THROW(q::solve_mmck(-1.0, 1.0, 2, 5), std::invalid_argument);
  EXPECT_THROW(q::solve_mmck(1.0, 0.0, 2, 5), std::invalid_argument);
  EXPECT_THROW(q::solve_mmck(1.0, 1.0, 0, 5), std::invalid_argument);
  EXPECT_THROW(q::solve_mmck(1.0, 1.0, 3, 2), std::invalid_argument);
}

// Above saturation a finite queue is still fine: the chain has a stationary distribution for any load.
TEST(Mmck, OverloadedSystemStillSolves) {
  const auto s = q::solve_mmck(5.0, 1.0, 2, 30);
  EXPECT_GT(s.blocking, 0.5);
  EXPECT_NEAR(s.distribution.sum(), 1.0, 1e-12);
  EXPECT_NEAR(s.throughput, 2.0, 1e-6);  // the servers are (almost) always busy
}

namespace kyoten::queueing {
namespace {

// The product form of closed_forms.hpp and the numerical CTMC solve are two ways to the same chain.
TEST(Mmck, ProductFormAgreesWithTheChainSolve) {
  struct Case { double lambda, mu; int c, k; };
  for (const Case& t : {Case{0.9, 1.0, 1, 5}, Case{3.0, 1.0, 2, 6}, Case{7.0, 1.0, 5, 12}, Case{12.0, 2.0, 4, 4}}) {
    const ImpatientQueue form = mmck_product_form(t.lambda, t.mu, t.c, t.k);
    const MmckSolution chain = solve_mmck(t.lambda, t.mu, t.c, t.k);
    EXPECT_NEAR(form.p_blocked, chain.blocking, 1e-10) << t.c << "/" << t.k;
    EXPECT_NEAR(form.mean_queue, chain.mean_in_queue, 1e-9) << t.c << "/" << t.k;
    EXPECT_NEAR(form.mean_wait, chain.mean_wait_in_queue, 1e-9) << t.c << "/" << t.k;
  }
}

}  // namespace
}  // namespace kyoten::queueing
