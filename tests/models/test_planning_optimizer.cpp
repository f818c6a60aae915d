// The screening scheme on configurations whose true means are known (a fake simulator draws normal noise from a
// generator keyed by configuration and replication, as common random numbers would): clearly infeasible ones stop
// at n0, the close call gets replications up to N, ties in cost cost nothing extra, and the cheapest feasible wins.
#include <gtest/gtest.h>

#include <random>

#include "planning/optimizer.hpp"

namespace kyoten::planning {
namespace {

constexpr std::size_t kPNoBed = hub::kpi_index("p_no_bed");
constexpr std::size_t kCost = hub::kpi_index("cost_total_yen");

struct Truth {
  double p_no_bed_mean;
  double p_no_bed_sd;
  double cost_mean;
  double cost_sd;
};

Simulator fake(const std::vector<Truth>& truth) {
  return [truth](const std::vector<Extension>& extensions) {
    std::vector<std::vector<hub::ReplicationResult>> out;
    for (const Extension& e : extensions) {
      std::vector<hub::ReplicationResult> results;
      for (std::size_t r = e.first; r < e.first + e.count; ++r) {
        std::mt19937_64 rng(1000 * (e.configuration + 1) + r);
        std::normal_distribution<double> z;
        const Truth& t = truth[e.configuration];
        hub::ReplicationResult res;
        res.replication = r;
        res.kpi[kPNoBed] = t.p_no_bed_mean + t.p_no_bed_sd * z(rng);
        res.kpi[kCost] = t.cost_mean + t.cost_sd * z(rng);
        results.push_back(res);
      }
      out.push_back(std::move(results));
    }
    return out;
  };
}

OptimizeSettings settings() {
  OptimizeSettings s;
  s.targets = {parse_target("p_no_bed<=0.05")};
  s.cost_kpi = kCost;
  s.initial_replications = 10;
  s.max_replications = 160;
  return s;
}

TEST(PlanningOptimizer, CheapestClearlyFeasibleWinsAndTheCloseCallGetsTheReplications) {
  const std::vector<Truth> truth{
      {0.20, 0.02, 100, 0}, {0.10, 0.02, 200, 0}, {0.052, 0.02, 300, 0}, {0.02, 0.02, 400, 0}, {0.0, 0.02, 500, 0}};
  const OptimizeResult r = optimize(truth.size(), settings(), fake(truth));
  ASSERT_TRUE(r.choice.has_value());
  EXPECT_EQ(*r.choice, 3u);
  EXPECT_TRUE(r.choice_clearly_cheapest);
  const auto& c = r.configurations;
  EXPECT_EQ(c[0].status, Status::Infeasible);
  EXPECT_EQ(c[1].status, Status::Infeasible);
  EXPECT_EQ(c[0].results.size(), 10u) << "clearly infeasible: no more replications";
  EXPECT_EQ(c[1].results.size(), 10u);
  EXPECT_EQ(c[2].status, Status::Undecided) << "0.052 against 0.05 cannot be settled in 160 replications";
  EXPECT_EQ(c[2].results.size(), 160u) << "a cheaper undecided configuration is worth replications";
  EXPECT_EQ(c[4].status, Status::Feasible);
  EXPECT_EQ(c[4].results.size(), 10u) << "feasible but clearly dearer: no more replications";
  EXPECT_EQ(r.looks, 5u);  // 10, 20, 40, 80, 160
  EXPECT_DOUBLE_EQ(r.alpha_per_target_test, 0.05 / (5.0 * 1.0 * 5.0));
  std::size_t total = 0;
  for (const auto& cfg : c) total += cfg.results.size();
  EXPECT_EQ(total, r.replications_run);
  EXPECT_EQ(r.ranking.front(), 3u);
}

TEST(PlanningOptimizer, UndecidedConfigurationsDearerThanAFeasibleOneAreLeftAlone) {
  const std::vector<Truth> truth{{0.0, 0.01, 100, 0}, {0.051, 0.02, 300, 0}};
  const OptimizeResult r = optimize(truth.size(), settings(), fake(truth));
  ASSERT_EQ(r.choice, std::optional<std::size_t>{0});
  EXPECT_EQ(r.configurations[1].status, Status::Undecided);
  EXPECT_TRUE(r.configurations[1].dominated);
  EXPECT_EQ(r.configurations[1].results.size(), 10u);
}

TEST(PlanningOptimizer, NoFeasibleConfigurationMeansNoChoice) {
  const std::vector<Truth> truth{{0.3, 0.02, 100, 0}, {0.2, 0.02, 200, 0}};
  const OptimizeResult r = optimize(truth.size(), settings(), fake(truth));
  EXPECT_FALSE(r.choice.has_value());
  EXPECT_EQ(r.rounds, 1u);
}

TEST(PlanningOptimizer, IdenticalCostsAreATieNotARace) {
  const std::vector<Truth> truth{{0.0, 0.01, 100, 0}, {0.0, 0.01, 100, 0}};
  const OptimizeResult r = optimize(truth.size(), settings(), fake(truth));
  ASSERT_EQ(r.choice, std::optional<std::size_t>{0});
  EXPECT_EQ(r.configurations[1].results.size(), 10u);
  EXPECT_FALSE(r.choice_clearly_cheapest);
}

TEST(PlanningOptimizer, CloseCostsGetReplicationsToSeparateThem) {
  // Both feasible; costs 100 and 101 with noise 5: n0 cannot tell them apart, doubling does (or reaches N).
  const std::vector<Truth> truth{{0.0, 0.01, 101, 5}, {0.0, 0.01, 100, 5}};
  const OptimizeResult r = optimize(truth.size(), settings(), fake(truth));
  ASSERT_TRUE(r.choice.has_value());
  EXPECT_GT(r.configurations[0].results.size(), 10u);
  EXPECT_GT(r.configurations[1].results.size(), 10u);
  EXPECT_GT(r.rounds, 1u);
}

}  // namespace
}  // namespace kyoten::planning
