#pragma once
// Service targets for `kyoten optimize`, e.g. `arrange_within_4h>=0.95` or `p_no_bed<=0.05`: a bound on the mean
// of a KPI over replications, in the KPI's own unit (shares as fractions, yen in yen). Targets are given on the
// command line only; scenario files do not hold them (the scenario schema rejects unknown keys).
#include <cstddef>
#include <span>
#include <string>

namespace kyoten::planning {

enum class Relation { AtMost, AtLeast };

struct Target {
  std::size_t kpi = 0;  // into hub::kKpis
  Relation relation = Relation::AtMost;
  double bound = 0;
  std::string text;  // as given, normalised: "p_no_bed<=0.05"
};

// Throws InputErrors (key `option`) for a malformed target or an unknown KPI (with a did-you-mean).
Target parse_target(const std::string& text, const std::string& option = "--target");

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
