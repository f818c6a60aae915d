#pragma once
// Paired differences between two scenarios run on common random numbers: replication r of both used the same
// seed, so their difference in replication r shows the effect of the change with most of the noise cancelled.
#include <cstddef>
#include <map>
#include <span>
#include <vector>

#include "models/hub/results.hpp"
#include "output/meaningful_difference.hpp"
#include "sim/stats/confidence.hpp"

namespace kyoten::planning {

enum class Verdict {
  Same,       // equal (or undefined in both) in every replication, e.g. calls when only staffing differs
  NotClear,   // the confidence interval of the difference contains 0
  Higher,     // the other scenario's mean is higher, and the interval excludes 0
  Lower,      // … lower
  Undefined,  // fewer than two replications where both have a value, and not the same
  // The whole interval lies inside ± the minimum meaningful difference: whatever the difference is, it is too
  // small to act on (e.g. 0.04 minutes), even when it is statistically clear.
  NoPracticalDifference,
};

struct Difference {
  double mean_base = 0;  // over the paired replications (where both values are finite)
  double mean_other = 0;
  sim::ConfidenceInterval ci;  // of other − base
  Verdict verdict = Verdict::Undefined;
};

// other[r] − base[r] over the replications where both are finite (a mean wait is NaN without emergencies).
// With uncertain parameters, consecutive groups of `draw_group` replications share a draw (in both scenarios:
// the draw is keyed by seed and pair): the interval is then over the groups' mean differences.
Difference paired_difference(std::span<const double> base, std::span<const double> other, double level,
                             std::size_t draw_group = 1);

// The threshold below which a difference is not worth acting on: max(absolute, relative × the larger |mean|).
double meaningful_threshold(const Difference& d, const output::MeaningfulDifference& mmd);

// Turns a verdict of Higher, Lower or NotClear into NoPracticalDifference when the interval lies wholly inside
// ± meaningful_threshold; Same and Undefined stay as they are.
void apply_meaningful_difference(Difference& d, const output::MeaningfulDifference& mmd);

// KPI `index` of every replication.
std::vector<double> kpi_column(std::span<const hub::ReplicationResult> results, std::size_t index);

// Total cost per fiscal year, one value per replication (0 where a replication spent nothing that year).
std::map<int, std::vector<double>> cost_by_fiscal_year(std::span<const hub::ReplicationResult> results);

}  // namespace kyoten::planning
