#include "sim/stats/confidence.hpp"

#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

#include "sim/stats/tally.hpp"

namespace kyoten::sim {

double student_t_critical(double level, double degrees_of_freedom) {
  boost::math::students_t dist(degrees_of_freedom);
  return boost::math::quantile(dist, 1.0 - (1.0 - level) / 2.0);
}

ConfidenceInterval student_t_interval(std::span<const double> values, double level) {
  Tally t;
  for (double v : values) t.add(v);
  ConfidenceInterval ci;
  ci.n = t.count();
  ci.level = level;
  ci.mean = t.mean();
  if (ci.n < 2) {
    ci.stddev = std::numeric_limits<double>::quiet_NaN();
    ci.half_width = std::numeric_limits<double>::quiet_NaN();
    return ci;
  }
  ci.stddev = t.stddev();
  ci.half_width = student_t_critical(level, static_cast<double>(ci.n - 1)) * ci.stddev /
                  std::sqrt(static_cast<double>(ci.n));
  return ci;
}

std::vector<double> group_means(std::span<const double> values, std::size_t group_size) {
  if (group_size <= 1) return {values.begin(), values.end()};
  std::vector<double> means;
  for (std::size_t first = 0; first + group_size <= values.size(); first += group_size) {
    Tally t;
    for (std::size_t i = first; i < first + group_size; ++i)
      if (std::isfinite(values[i])) t.add(values[i]);
    means.push_back(t.count() ? t.mean() : std::numeric_limits<double>::quiet_NaN());
  }
  return means;
}

ConfidenceInterval grouped_interval(std::span<const double> values, std::size_t group_size, double level) {
  std::vector<double> units;
  for (double m : group_means(values, group_size))
    if (std::isfinite(m)) units.push_back(m);
  return student_t_interval(units, level);
}

ConfidenceInterval paired_difference_interval(std::span<const double> a, std::span<const double> b, double level,
                                              std::size_t group_size) {
  if (a.size() != b.size()) throw std::invalid_argument("paired difference needs equally many replications");
  std::vector<double> d(a.size());
  for (std::size_t i = 0; i < a.size(); ++i)
    d[i] = std::isfinite(a[i]) && std::isfinite(b[i]) ? a[i] - b[i] : std::numeric_limits<double>::quiet_NaN();
  return grouped_interval(d, group_size, level);
}

}  // namespace kyoten::sim
