#pragma once
// Observation statistics: a Tally for values observed one at a time (waiting times), a TimeWeighted
// average for a level that holds between changes (beds in use).
#include <cstddef>
#include <limits>
#include <vector>

namespace kyoten::sim {

class Tally {
 public:
  // keep_values: also store every observation so quantiles can be read (costs memory proportional to n).
  Tally() = default;
  explicit Tally(bool keep_values) : keep_values_(keep_values) {}

  void add(double x);
  void clear();

  [[nodiscard]] std::size_t count() const { return n_; }
  [[nodiscard]] double mean() const { return n_ ? mean_ : std::numeric_limits<double>::quiet_NaN(); }
  // Sample variance (n - 1 denominator); NaN below two observations.
  [[nodiscard]] double variance() const;
  [[nodiscard]] double stddev() const;
  [[nodiscard]] double min() const { return min_; }
  [[nodiscard]] double max() const { return max_; }
  [[nodiscard]] double sum() const { return mean_ * static_cast<double>(n_); }
  // Quantile with linear interpolation between order statistics (type 7, as R and numpy default).
  // Requires keep_values; NaN when empty.
  [[nodiscard]] double quantile(double p) const;
  // Share of observations <= x. Requires keep_values.
  [[nodiscard]] double fraction_at_most(double x) const;
  [[nodiscard]] const std::vector<double>& values() const { return values_; }

 private:
  bool keep_values_ = false;
  std::size_t n_ = 0;
  double mean_ = 0.0;
  double m2_ = 0.0;  // Welford's running sum of squared deviations
  double min_ = std::numeric_limits<double>::infinity();
  double max_ = -std::numeric_limits<double>::infinity();
  std::vector<double> values_;
};

// Average of a piecewise-constant level over time, e.g. the number of occupied beds.
class TimeWeighted {
 public:
  explicit TimeWeighted(double start_time = 0.0, double initial_level = 0.0)
      : start_(start_time), last_time_(start_time), level_(initial_level) {}

  // The level changes to `level` at time t (t must not go backwards).
  void set(double t, double level);
  void add(double t, double delta) { set(t, level_ + delta); }
  [[nodiscard]] double level() const { return level_; }
  // Time-average of the level over [start, t].
  [[nodiscard]] double mean(double t) const;
  // Integral of the level over [start, t] (e.g. bed-hours).
  [[nodiscard]] double integral(double t) const;
  // Restarts the average at time t, keeping the current level (used to drop a warm-up period).
  void restart(double t);

 private:
  double start_;
  double last_time_;
  double level_;
  double area_ = 0.0;
};

}  // namespace kyoten::sim
