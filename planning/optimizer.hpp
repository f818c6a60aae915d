#pragma once
// `kyoten optimize`: the cheapest configuration of a search space that meets service targets, found by sequential
// screening on common random numbers (docs/planning.md states the scheme, its guarantee and its limits):
//
// 1. Every configuration gets n0 replications (replication r uses seed (S, r) in every configuration).
// 2. Each configuration is feasible when every target's one-sided confidence bound lies on the right side,
//    infeasible when one target's bound lies on the wrong side, undecided otherwise. Bonferroni: each one-sided
//    test runs at alpha / (configurations × targets × looks), so all classifications are right together with
//    probability ≥ 1 − alpha (normal approximation), however many looks the schedule takes.
// 3. More replications (the sample size doubles, up to N) go only where the answer could still change:
//    undecided configurations not clearly dearer than the cheapest feasible one so far, and the feasible ones
//    whose cost is not clearly different from the cheapest (paired difference, Bonferroni over configurations
//    and looks). Clearly infeasible or clearly dearer configurations get no more.
// 4. The choice is the feasible configuration with the lowest mean cost.
#include <cstddef>
#include <functional>
#include <optional>
#include <vector>

#include "models/hub/results.hpp"
#include "models/hub/scenario.hpp"
#include "output/meaningful_difference.hpp"
#include "output/summary.hpp"
#include "planning/targets.hpp"
#include "sim/stats/confidence.hpp"

namespace kyoten::planning {

struct OptimizeSettings {
  std::vector<Target> targets;
  std::size_t cost_kpi = 0;  // into hub::kKpis; lower is better
  std::size_t initial_replications = 10;
  std::size_t max_replications = 200;
  double alpha = 0.05;  // overall error probability of the classification (and, separately, of the cost ranking)
  // Replications per parameter draw (hub::replications_per_draw); above 1 the replication counts must be
  // multiples of it, and every bound is over the group means.
  std::size_t draw_group = 1;
  // Cost differences inside ± this are ties (no practical difference): no replications are spent to separate
  // configurations whose costs differ by less (default 1% of cost; `--mmd`).
  output::MeaningfulDifference cost_mmd = output::default_meaningful_difference("yen");
  // The base scenario's budget and horizon, for fiscal-year targets (targets.hpp).
  hub::Budget budget;
  hub::Horizon horizon;
};

// More replications for one configuration: replications first .. first + count − 1.
struct Extension {
  std::size_t configuration = 0;
  std::size_t first = 0;
  std::size_t count = 0;
};

// Runs the extensions (all of them, e.g. on one thread pool) and returns each one's results in order.
using Simulator = std::function<std::vector<std::vector<hub::ReplicationResult>>(const std::vector<Extension>&)>;

struct ConfigurationOutcome {
  Status status = Status::Undecided;
  std::vector<TargetCheck> checks;  // one per target
  output::Statistic cost;           // of the cost KPI, 95% two-sided
  // The paired cost difference (this − chosen) on their common replications, 95% two-sided; n = 0 for the choice.
  sim::ConfidenceInterval cost_vs_choice;
  bool dominated = false;                       // left undecided because a feasible configuration is clearly cheaper
  std::vector<hub::ReplicationResult> results;  // replications 0 .. n − 1
};

struct OptimizeResult {
  std::vector<ConfigurationOutcome> configurations;
  std::optional<std::size_t> choice;     // the cheapest feasible configuration, if any is feasible
  bool choice_clearly_cheapest = false;  // cheaper than every other feasible one by its cost test
  std::vector<std::size_t> ranking;      // feasible by mean cost, then undecided, then infeasible
  std::size_t looks = 0;                 // sample sizes in the schedule: n0, 2 n0, 4 n0, …, N
  std::size_t rounds = 0;                // looks actually taken
  double alpha_per_target_test = 0;
  double alpha_per_cost_test = 0;
  std::size_t replications_run = 0;
};

OptimizeResult optimize(std::size_t configurations, const OptimizeSettings& settings, const Simulator& simulate);

}  // namespace kyoten::planning
