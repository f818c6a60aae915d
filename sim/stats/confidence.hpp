#pragma once
// Confidence intervals over independent replications (Student t), and paired differences for comparing
// scenarios run on common random numbers.
#include <cstddef>
#include <span>
#include <vector>

namespace kyoten::sim {

// The confidence level every interval is reported at unless a caller asks for another: the conventional 95%.
inline constexpr double kDefaultConfidenceLevel = 0.95;

struct ConfidenceInterval {
  double mean = 0.0;
  double half_width = 0.0;  // NaN when fewer than two replications
  double stddev = 0.0;
  std::size_t n = 0;
  double level = kDefaultConfidenceLevel;
  [[nodiscard]] double low() const { return mean - half_width; }
  [[nodiscard]] double high() const { return mean + half_width; }
  [[nodiscard]] bool contains(double x) const { return x >= low() && x <= high(); }
};

// Student t interval for the mean of `values` at confidence `level` (e.g. 0.95).
ConfidenceInterval student_t_interval(std::span<const double> values, double level = kDefaultConfidenceLevel);

// Replications that share something drawn once per group (e.g. a parameter set shared by replications 2k and
// 2k+1) are not independent of each other; the group means are. Returns the mean of the finite values in each
// run of `group_size` consecutive values (NaN when a group has none), so a confidence interval over the result
// counts the independent units. `group_size` 1 returns the values unchanged; a trailing incomplete group is
// dropped.
std::vector<double> group_means(std::span<const double> values, std::size_t group_size);

// student_t_interval over the finite group means (NaN values are left out of their group's mean); `n` counts
// groups.
ConfidenceInterval grouped_interval(std::span<const double> values, std::size_t group_size, double level = kDefaultConfidenceLevel);

// Interval for the mean of a[i] − b[i]: a and b must come from the same replications (same seeds). Replications
// where either side is NaN are left out; with group_size > 1 the interval is over the group means of the
// differences, as in grouped_interval.
ConfidenceInterval paired_difference_interval(std::span<const double> a, std::span<const double> b,
                                              double level = kDefaultConfidenceLevel, std::size_t group_size = 1);

// Two-sided Student t quantile t_{1-(1-level)/2, dof}.
double student_t_critical(double level, double degrees_of_freedom);

}  // namespace kyoten::sim
