// Pooling several scenarios' replications on one thread pool changes nothing in the results: each equals the
// replication run on its own, for any thread count; a stop request leaves no job reported half done.
#include <gtest/gtest.h>

#include <atomic>

#include "hub_fixture.hpp"
#include "models/hub/hub_model.hpp"
#include "planning/batch_runner.hpp"

namespace kyoten::planning {
namespace {

hub::Scenario busy_fixture(int beds) {
  hub::Scenario sc = hub::testing::minimal_scenario();
  sc.calls.emergency_share = {0.5, 0.5, 0.5, 0.5};
  sc.facilities[0].beds = beds;
  return sc;
}

TEST(PlanningBatchRunner, ResultsEqualSingleRunsForAnyThreadCount) {
  const hub::Scenario a = busy_fixture(1), b = busy_fixture(3);
  const std::vector<BatchJob> jobs{{&a, 0, 3}, {&b, 2, 4}, {&a, 0, 0}};
  for (unsigned threads : {1u, 3u}) {
    const auto results = run_all(jobs, 5, threads);
    ASSERT_EQ(results.size(), 3u);
    ASSERT_EQ(results[0].size(), 3u);
    ASSERT_EQ(results[1].size(), 4u);
    EXPECT_TRUE(results[2].empty());
    for (std::size_t i = 0; i < 4; ++i) {
      const hub::ReplicationResult alone = hub::simulate_replication(b, 5, 2 + i);
      EXPECT_EQ(results[1][i].replication, 2 + i);
      for (std::size_t k = 0; k < hub::kKpiCount; ++k) {
        if (std::isnan(alone.kpi[k])) {
          EXPECT_TRUE(std::isnan(results[1][i].kpi[k]));
        } else {
          EXPECT_EQ(results[1][i].kpi[k], alone.kpi[k]) << hub::kKpis[k].key;
        }
      }
      EXPECT_TRUE(results[1][i].days.empty()) << "series are dropped";
    }
  }
}

TEST(PlanningBatchRunner, StopLeavesNoJobHalfReported) {
  const hub::Scenario a = busy_fixture(2);
  const std::vector<BatchJob> jobs{{&a, 0, 2}, {&a, 0, 2}, {&a, 0, 2}};
  std::atomic<bool> stop{false};
  std::vector<std::size_t> reported;
  const bool finished = run_batch(jobs, 1, 1,
                                  {.job_done =
                                       [&](std::size_t j, std::vector<hub::ReplicationResult>&& r) {
                                         EXPECT_EQ(r.size(), 2u);
                                         reported.push_back(j);
                                         stop = true;  // as if Ctrl-C arrived while job 0 was being committed
                                       },
                                   .replication_done = {},
                                   .stop = &stop});
  EXPECT_FALSE(finished);
  EXPECT_EQ(reported, std::vector<std::size_t>{0});
}

}  // namespace
}  // namespace kyoten::planning
