// The engine against queueing theory: simulated reference models must cover their closed forms, be reproducible
// whatever the thread count, and keep their random streams apart.
#include "models/queueing/reference_models.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <stdexcept>

#include "models/queueing/closed_forms.hpp"
#include "models/queueing/fifo_ring.hpp"
#include "models/queueing/verification.hpp"
#include "sim/run/replication_runner.hpp"
#include "sim/stats/confidence.hpp"

namespace q = kyoten::queueing;
namespace sim = kyoten::sim;

namespace {

// Fixed before the tests were first run (the CLI's default seed); never tuned to make a point pass.
constexpr std::uint64_t kSeed = 20240401;
constexpr int kReplications = 30;

const q::RunLength kShortRun{100.0, 2100.0};

}  // namespace

// The statistical validation: every built-in point (>= 6 each for Erlang C, Erlang B with lognormal service and
// Engset; >= 3 each for Erlang A with impatient customers and M/M/c/K) covers its closed form, at family-wise 99%
// over all points (Bonferroni).
TEST(ReferenceModels, SimulationCoversClosedFormsAtFamilyWise99Percent) {
  const auto points = q::builtin_points();
  std::map<q::ModelKind, int> per_model;
  for (const auto& p : points) ++per_model[p.model];
  EXPECT_GE(per_model[q::ModelKind::Mmc], 6);
  EXPECT_GE(per_model[q::ModelKind::Loss], 6);
  EXPECT_GE(per_model[q::ModelKind::Engset], 6);
  EXPECT_GE(per_model[q::ModelKind::ErlangA], 3);
  EXPECT_GE(per_model[q::ModelKind::Mmck], 3);

  const auto rows = q::verify_points(points, kReplications, kSeed, sim::default_thread_count(), 0.99);
  ASSERT_EQ(rows.size(), points.size());
  for (const auto& r : rows) {
    EXPECT_NEAR(r.level, 1.0 - 0.01 / static_cast<double>(points.size()), 1e-15);
    EXPECT_TRUE(r.pass) << r.model << " " << r.quantity << " " << r.parameters << ": simulated " << r.simulated_mean
                        << " [" << r.ci_low << ", " << r.ci_high << "], closed form " << r.closed_form;
  }
}

// Outputs the verification table does not cover: M/M/c utilisation = rho and time-average queue length = Lq;
// M/G/c/c carried load = a (1 - B). Family-wise 99% over the three.
TEST(ReferenceModels, UtilisationQueueLengthAndCarriedLoadMatchTheory) {
  const double level = q::bonferroni_level(0.99, 3);
  const q::MmcParams mmc{3.2, 1.0, 4, 0};
  const q::RunLength mmc_run{500.0, 6500.0};
  const auto mmc_results = sim::run_replications(0, kReplications, sim::default_thread_count(), [&](std::size_t r) {
    return q::simulate_mmc(mmc, mmc_run, kSeed, r);
  });
  std::vector<double> utilisation, queue_length;
  for (const auto& r : mmc_results) {
    utilisation.push_back(r.utilisation);
    queue_length.push_back(r.mean_queue_length);
  }
  EXPECT_TRUE(sim::student_t_interval(utilisation, level).contains(0.8));
  EXPECT_TRUE(sim::student_t_interval(queue_length, level).contains(q::mmc_mean_queue_length(3.2, 1.0, 4)));

  const q::LossParams loss{7.0, 1.0, 1.5, 10};
  const auto loss_results = sim::run_replications(0, kReplications, sim::default_thread_count(), [&](std::size_t r) {
    return q::simulate_loss(loss, {50.0, 3050.0}, kSeed, r);
  });
  std::vector<double> carried;
  for (const auto& r : loss_results) carried.push_back(r.mean_busy);
  EXPECT_TRUE(sim::student_t_interval(carried, level).contains(7.0 * (1.0 - q::erlang_b(7.0, 10))));
}

// Bit-identical per-replication results whatever the number of threads.
TEST(ReferenceModels, SameSeedGivesIdenticalResultsOnOneAndFourThreads) {
  const q::MmcParams mmc{1.6, 1.0, 2, 50};
  auto run_mmc = [&](unsigned threads) {
    return sim::run_replications(0, 8, threads, [&](std::size_t r) { return q::simulate_mmc(mmc, kShortRun, kSeed, r); });
  };
  EXPECT_EQ(run_mmc(1), run_mmc(4));

  const q::LossParams loss{7.0, 1.0, 2.0, 10};
  auto run_loss = [&](unsigned threads) {
    return sim::run_replications(0, 8, threads,
                                 [&](std::size_t r) { return q::simulate_loss(loss, kShortRun, kSeed, r); });
  };
  EXPECT_EQ(run_loss(1), run_loss(4));

  const q::EngsetParams engset{10, 3, 0.2, 1.0};
  auto run_engset = [&](unsigned threads) {
    return sim::run_replications(0, 8, threads,
                                 [&](std::size_t r) { return q::simulate_engset(engset, kShortRun, kSeed, r); });
  };
  EXPECT_EQ(run_engset(1), run_engset(4));

  auto rows = [&](unsigned threads) {
    return q::verify_point(q::builtin_points().front(), 6, kSeed, threads, 0.95).simulated_mean;
  };
  EXPECT_EQ(rows(1), rows(4));
}

TEST(ReferenceModels, DifferentSeedsAndReplicationsDiffer) {
  const q::MmcParams mmc{1.6, 1.0, 2, 0};
  const auto a = q::simulate_mmc(mmc, kShortRun, kSeed, 0);
  EXPECT_NE(a, q::simulate_mmc(mmc, kShortRun, kSeed, 1));
  EXPECT_NE(a, q::simulate_mmc(mmc, kShortRun, kSeed + 1, 0));
  EXPECT_EQ(a, q::simulate_mmc(mmc, kShortRun, kSeed, 0));
}

// Arrivals and service draw from separate streams: changing the service rate leaves the arrival times unchanged,
// so scenario comparisons run on common random numbers.
TEST(ReferenceModels, ChangingServiceRateLeavesArrivalsUnchanged) {
  const auto slow = q::simulate_mmc({1.0, 0.6, 2, 1000}, kShortRun, kSeed, 3);
  const auto fast = q::simulate_mmc({1.0, 1.5, 2, 1000}, kShortRun, kSeed, 3);
  ASSERT_EQ(slow.arrival_times.size(), 1000u);
  EXPECT_EQ(slow.arrival_times, fast.arrival_times);
  EXPECT_NE(slow.mean_wait_in_queue, fast.mean_wait_in_queue);

  // The same holds for the loss model's arrival count when only the holding times change.
  const auto short_stays = q::simulate_loss({5.0, 0.5, 1.0, 3}, kShortRun, kSeed, 3);
  const auto long_stays = q::simulate_loss({5.0, 2.0, 1.0, 3}, kShortRun, kSeed, 3);
  EXPECT_EQ(short_stays.arrivals, long_stays.arrivals);
  EXPECT_LT(short_stays.blocking, long_stays.blocking);
}

TEST(ReferenceModels, ArrivalTraceStartsAtTimeZeroAndIsIncreasing) {
  const auto r = q::simulate_mmc({2.0, 1.0, 3, 200}, kShortRun, kSeed, 0);
  ASSERT_EQ(r.arrival_times.size(), 200u);
  EXPECT_GT(r.arrival_times.front(), 0.0);
  for (std::size_t i = 1; i < r.arrival_times.size(); ++i) EXPECT_GT(r.arrival_times[i], r.arrival_times[i - 1]);
  EXPECT_TRUE(q::simulate_mmc({2.0, 1.0, 3, 0}, kShortRun, kSeed, 0).arrival_times.empty());
}

// Only arrivals after the warm-up are counted: about lambda * (horizon - warmup) of them.
TEST(ReferenceModels, WarmupExcludesEarlyArrivals) {
  const auto r = q::simulate_mmc({2.0, 1.0, 3, 0}, {1000.0, 2000.0}, kSeed, 0);
  EXPECT_NEAR(static_cast<double>(r.customers), 2000.0, 5 * std::sqrt(2000.0));
  EXPECT_GT(r.events, 2 * r.customers);  // the warm-up's events are still processed
}

TEST(ReferenceModels, EngsetCallCongestionIsBelowTimeCongestion) {
  const auto r = q::simulate_engset({8, 4, 1.0, 1.0}, {50.0, 5050.0}, kSeed, 0);
  EXPECT_LT(r.call_congestion, r.time_congestion);
  EXPECT_GT(r.requests, 0u);
}

TEST(ReferenceModels, ConstantServiceIsAllowedInTheLossModel) {
  const auto r = q::simulate_loss({2.0, 1.0, 0.0, 3}, {50.0, 5050.0}, kSeed, 0);
  EXPECT_NEAR(r.blocking, q::erlang_b(2.0, 3), 0.02);  // insensitivity: deterministic holding times too
}

TEST(ReferenceModels, RejectInvalidParameters) {
  EXPECT_THROW(q::simulate_mmc({-1.0, 1.0, 1, 0}, kShortRun, kSeed, 0), std::invalid_argument);
  EXPECT_THROW(q::simulate_mmc({1.0, 0.0, 1, 0}, kShortRun, kSeed, 0), std::invalid_argument);
  EXPECT_THROW(q::simulate_mmc({1.0, 1.0, 0, 0}, kShortRun, kSeed, 0), std::invalid_argument);
  EXPECT_THROW(q::simulate_mmc({0.5, 1.0, 1, 0}, {10.0, 5.0}, kSeed, 0), std::invalid_argument);
  EXPECT_THROW(q::simulate_loss({1.0, 1.0, -0.5, 2}, kShortRun, kSeed, 0), std::invalid_argument);
  EXPECT_THROW(q::simulate_engset({0, 1, 1.0, 1.0}, kShortRun, kSeed, 0), std::invalid_argument);
  EXPECT_THROW(q::simulate_engset({5, 1, 0.0, 1.0}, kShortRun, kSeed, 0), std::invalid_argument);
}

TEST(Verification, BonferroniLevelAndPointChecks) {
  EXPECT_DOUBLE_EQ(q::bonferroni_level(0.99, 1), 0.99);
  EXPECT_NEAR(q::bonferroni_level(0.99, 20), 0.9995, 1e-15);
  q::Point unstable{q::ModelKind::Mmc, q::Quantity::MeanWait, 2.0, 1.0, 2, 0, 1.0, {}};
  const auto problems = q::check_point(unstable);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].field, q::Field::ArrivalRate);
  EXPECT_THROW(q::verify_point(unstable, 10, kSeed, 1, 0.95), std::invalid_argument);
  q::Point engset_without_sources{q::ModelKind::Engset, q::Quantity::CallCongestion, 0.2, 1.0, 2, 0, 1.0, {}};
  ASSERT_EQ(q::check_point(engset_without_sources).size(), 1u);
  EXPECT_EQ(q::check_point(engset_without_sources)[0].field, q::Field::Sources);
  q::Point wrong_quantity{q::ModelKind::Loss, q::Quantity::MeanWait, 1.0, 1.0, 2, 0, 1.0, {}};
  EXPECT_EQ(q::check_point(wrong_quantity)[0].field, q::Field::Quantity);
}

TEST(FifoRing, KeepsOrderAcrossWrapAroundAndGrowth) {
  q::FifoRing<int> ring(4);
  int next_in = 0, next_out = 0;
  for (int round = 0; round < 50; ++round) {
    for (int i = 0; i < round % 7 + 1; ++i) ring.push(next_in++);
    for (int i = 0; i < round % 5 + 1 && !ring.empty(); ++i) EXPECT_EQ(ring.pop(), next_out++);
  }
  while (!ring.empty()) EXPECT_EQ(ring.pop(), next_out++);
  EXPECT_EQ(next_in, next_out);
}
