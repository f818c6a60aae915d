#pragma once
// Service targets for `kyoten optimize`, e.g. `arrange_within_4h>=0.95` or `p_no_bed<=0.05`: a bound on the mean
// of a KPI over replications, in the KPI's own unit (shares as fractions, yen in yen). Targets are given on the
// command line only; scenario files do not hold them (the scenario schema rejects unknown keys).
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "models/hub/results.hpp"
#include "models/hub/scenario.hpp"

namespace kyoten::planning {

enum class Relation { AtMost, AtLeast };

// What a target bounds. Besides a KPI's mean, one fiscal year's money: `cost_fy2024_yen<=61859000` bounds the
// mean total cost of FY2024, `p_over_budget_fy2024<=0.1` the share of simulated years whose FY2024 total cost
// exceeds the year's budget (summed over its lines, pro-rated to the simulated days as in budget_risk.hpp) —
// "FY2024 within budget with 90% probability".
enum class Measure { Kpi, YearCost, YearOverBudget };

struct Target {
  Measure measure = Measure::Kpi;
  std::size_t kpi = 0;  // into hub::kKpis, for Measure::Kpi
  int fiscal_year = 0;  // for the fiscal-year measures
  Relation relation = Relation::AtMost;
  double bound = 0;
  std::string text;  // as given, normalised: "p_no_bed<=0.05"
  // The unit of the bounded value: the KPI's, "yen" for a year's cost, "share" for the overspend share.
  [[nodiscard]] std::string_view unit() const;
};

// The value a target bounds in each replication (a KPI, a year's total cost, or 1/0 for over/within the
// year's budget). `budget` and `horizon` are those of the scenario the results come from.
std::vector<double> target_values(std::span<const hub::ReplicationResult> results, const Target& target,
                                  const hub::Budget& budget, const hub::Horizon& horizon);

// Throws InputErrors (key `option`) for a malformed target or an unknown KPI (with a did-you-mean).
Target parse_target(const std::string& text, const std::string& option = "--target");

// Refuses (InputErrors, key --target) a fiscal-year target for a year the horizon does not reach, and an
// overspend target for a year with no budget line.
void check_year_targets(std::span<const Target> targets, const hub::Budget& budget, const hub::Horizon& horizon);

// Index of a KPI key for an option such as --cost-kpi; throws InputErrors with a did-you-mean if unknown.
std::size_t kpi_for_option(const std::string& key, const std::string& option);

// Where a configuration stands against one target.
enum class Status { Feasible, Infeasible, Undecided };

struct TargetCheck {
  Status status = Status::Undecided;
  double mean = 0;
  double low = 0, high = 0;  // one-sided confidence bounds at level 1 − alpha each (NaN below two values)
  std::size_t n = 0;         // replications with a value
};

// Decides one target from per-replication values (non-finite values are left out). Met when the one-sided
// bound on the far side is within the target (upper ≤ bound for ≤, lower ≥ bound for ≥), missed when the
// near-side bound is beyond it, undecided otherwise or below two values.
// `draw_group`: replications per parameter draw; the bound is then over the group means (independent units).
TargetCheck check_target(std::span<const double> values, const Target& target, double alpha,
                         std::size_t draw_group = 1);

const char* status_key(Status status);  // "feasible", "infeasible", "undecided"

}  // namespace kyoten::planning
