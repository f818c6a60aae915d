#include "planning/optimizer.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "planning/paired.hpp"
#include "sim/stats/confidence.hpp"

namespace kyoten::planning {
namespace {

constexpr double kReportLevel = sim::kDefaultConfidenceLevel;

// n0, 2 n0, 4 n0, … capped at N: how many times a configuration can be looked at.
std::size_t looks_in_schedule(std::size_t n0, std::size_t n_max) {
  std::size_t looks = 1;
  for (std::size_t n = n0; n < n_max; n = std::min(n_max, 2 * n)) ++looks;
  return looks;
}

std::vector<double> cost_column(const ConfigurationOutcome& c, std::size_t kpi, std::size_t n) {
  std::vector<double> column = kpi_column(c.results, kpi);
  column.resize(std::min(column.size(), n));
  return column;
}

// How `a` compares with `b` in cost on their common replications (a − b).
enum class CostOrder { ClearlyLower, ClearlyHigher, Tie, Unclear };

CostOrder cost_order(const ConfigurationOutcome& a, const ConfigurationOutcome& b, const OptimizeSettings& s,
                     double alpha) {
  const std::size_t n = std::min(a.results.size(), b.results.size());
  // One-sided at alpha each way is the two-sided interval at 1 − 2 alpha.
  Difference d = paired_difference(cost_column(b, s.cost_kpi, n), cost_column(a, s.cost_kpi, n), 1.0 - 2.0 * alpha,
                                   s.draw_group);
  apply_meaningful_difference(d, s.cost_mmd);
  switch (d.verdict) {
    case Verdict::Same: return CostOrder::Tie;  // identical in every replication: more cannot separate them
    case Verdict::NoPracticalDifference: return CostOrder::Tie;  // within the MMD: not worth separating
    case Verdict::Lower: return CostOrder::ClearlyLower;
    case Verdict::Higher: return CostOrder::ClearlyHigher;
    default: return CostOrder::Unclear;
  }
}

void classify(ConfigurationOutcome& c, const OptimizeSettings& s, double alpha) {
  c.checks.clear();
  bool all_met = true, one_missed = false;
  for (const Target& t : s.targets) {
    c.checks.push_back(check_target(target_values(c.results, t, s.budget, s.horizon), t, alpha, s.draw_group));
    all_met = all_met && c.checks.back().status == Status::Feasible;
    one_missed = one_missed || c.checks.back().status == Status::Infeasible;
  }
  c.status = one_missed ? Status::Infeasible : all_met ? Status::Feasible : Status::Undecided;
  c.cost = output::summarise_values(kpi_column(c.results, s.cost_kpi), kReportLevel, s.draw_group);
}

// The feasible configuration with the lowest mean cost (the earlier one on a tie).
std::optional<std::size_t> cheapest_feasible(const std::vector<ConfigurationOutcome>& cs) {
  std::optional<std::size_t> best;
  for (std::size_t k = 0; k < cs.size(); ++k)
    if (cs[k].status == Status::Feasible && (!best || cs[k].cost.mean < cs[*best].cost.mean)) best = k;
  return best;
}

}  // namespace

OptimizeResult optimize(std::size_t configurations, const OptimizeSettings& s, const Simulator& simulate) {
  if (s.initial_replications < 2 || s.max_replications < s.initial_replications)
    throw std::invalid_argument("optimize: need 2 <= initial replications <= max replications");
  if (s.draw_group > 1 && (s.initial_replications % s.draw_group || s.max_replications % s.draw_group))
    throw std::invalid_argument("optimize: replication counts must be whole groups of replications per draw");
  OptimizeResult out;
  out.looks = looks_in_schedule(s.initial_replications, s.max_replications);
  const double k = static_cast<double>(std::max<std::size_t>(configurations, 1));
  out.alpha_per_target_test =
      s.alpha / (k * static_cast<double>(std::max<std::size_t>(s.targets.size(), 1)) * static_cast<double>(out.looks));
  out.alpha_per_cost_test = s.alpha / (std::max(k - 1.0, 1.0) * static_cast<double>(out.looks));
  out.configurations.resize(configurations);
  auto& cs = out.configurations;

  std::vector<Extension> batch;
  for (std::size_t c = 0; c < configurations; ++c) batch.push_back({c, 0, s.initial_replications});
  while (!batch.empty()) {
    ++out.rounds;
    std::vector<std::vector<hub::ReplicationResult>> results = simulate(batch);
    for (std::size_t b = 0; b < batch.size(); ++b) {
      auto& target = cs[batch[b].configuration].results;
      out.replications_run += results[b].size();
      for (auto& r : results[b]) target.push_back(std::move(r));
    }
    for (ConfigurationOutcome& c : cs) classify(c, s, out.alpha_per_target_test);

    // Where more replications could change the answer.
    const std::optional<std::size_t> best = cheapest_feasible(cs);
    std::vector<bool> more(configurations, false);
    for (std::size_t c = 0; c < configurations; ++c) {
      cs[c].dominated = false;
      if (cs[c].status == Status::Undecided) {
        cs[c].dominated =
            best && cost_order(cs[*best], cs[c], s, out.alpha_per_cost_test) ==
                            CostOrder::ClearlyLower;
        more[c] = !cs[c].dominated;
      } else if (cs[c].status == Status::Feasible && best && c != *best &&
                 cost_order(cs[*best], cs[c], s, out.alpha_per_cost_test) ==
                     CostOrder::Unclear) {
        more[c] = more[*best] = true;  // a close race for the cheapest: sharpen both
      }
    }
    batch.clear();
    for (std::size_t c = 0; c < configurations; ++c) {
      const std::size_t n = cs[c].results.size();
      if (more[c] && n < s.max_replications) batch.push_back({c, n, std::min(s.max_replications, 2 * n) - n});
    }
  }

  out.choice = cheapest_feasible(cs);
  if (out.choice) {
    out.choice_clearly_cheapest = true;
    for (std::size_t c = 0; c < configurations; ++c) {
      if (c == *out.choice) continue;
      const std::size_t n = std::min(cs[c].results.size(), cs[*out.choice].results.size());
      cs[c].cost_vs_choice = paired_difference(cost_column(cs[*out.choice], s.cost_kpi, n),
                                               cost_column(cs[c], s.cost_kpi, n), kReportLevel, s.draw_group)
                                 .ci;
      if (cs[c].status == Status::Feasible &&
          cost_order(cs[*out.choice], cs[c], s, out.alpha_per_cost_test) !=
              CostOrder::ClearlyLower)
        out.choice_clearly_cheapest = false;
    }
  }
  for (std::size_t c = 0; c < configurations; ++c) out.ranking.push_back(c);
  const auto rank = [](Status st) { return st == Status::Feasible ? 0 : st == Status::Undecided ? 1 : 2; };
  std::stable_sort(out.ranking.begin(), out.ranking.end(), [&](std::size_t a, std::size_t b) {
    if (rank(cs[a].status) != rank(cs[b].status)) return rank(cs[a].status) < rank(cs[b].status);
    const double ca = std::isfinite(cs[a].cost.mean) ? cs[a].cost.mean : HUGE_VAL;
    const double cb = std::isfinite(cs[b].cost.mean) ? cs[b].cost.mean : HUGE_VAL;
    return ca < cb;
  });
  return out;
}

}  // namespace kyoten::planning
