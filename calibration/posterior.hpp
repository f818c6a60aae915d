#pragma once
// Conjugate posteriors for what an observations file counts (docs/uncertainty.md):
//   an event rate per unit of exposure  Gamma(shape0 + count, rate0 + exposure)     (Gamma–Poisson)
//   a split into categories             Dirichlet(alpha0 + counts); each share's marginal is a Beta
//   a probability per trial             Beta(a0 + successes, b0 + failures)           (Beta–binomial)
// Intervals are equal-tailed, from boost::math quantiles.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "calibration/observations.hpp"
#include "sim/stats/confidence.hpp"

namespace kyoten::calibration {

struct Interval {
  double low = 0;
  double high = 0;
  [[nodiscard]] bool contains(double x) const { return x >= low && x <= high; }
};

struct GammaPosterior {
  double shape = 0;
  double rate = 0;  // per unit of exposure; the scale is 1 / rate
  [[nodiscard]] double mean() const { return shape / rate; }
  [[nodiscard]] Interval interval(double level = sim::kDefaultConfidenceLevel) const;
};
GammaPosterior rate_posterior(int count, double exposure, const Priors& priors);

struct BetaPosterior {
  double a = 0;
  double b = 0;
  [[nodiscard]] double mean() const { return a / (a + b); }
  [[nodiscard]] Interval interval(double level = sim::kDefaultConfidenceLevel) const;
};
BetaPosterior probability_posterior(int successes, int trials, const Priors& priors);

// Dirichlet(alpha0 + counts): `alpha` per category, and each share's Beta marginal.
struct DirichletPosterior {
  std::vector<double> alpha;
  [[nodiscard]] double total() const;
  [[nodiscard]] BetaPosterior marginal(std::size_t i) const;
};
DirichletPosterior split_posterior(const std::vector<int>& counts, const Priors& priors);

// One row of the printed table.
struct PosteriorRow {
  std::string parameter;     // the scenario key it informs, e.g. "calls.band_share.weekday_night"
  std::string distribution;  // "Gamma(48.5, 99)" (shape, rate) / "Beta(2.5, 46.5)"
  std::string observed;      // "48 / 99 registrant-years"
  std::string observed_ja;   // "48 / 99 登録者・年"
  std::string parameter_ja;  // for a row that is no scenario key, what it is in Japanese; else empty
  double mean = 0;
  Interval ci;
};

struct Calibration {
  GammaPosterior calls_rate;                 // per registrant-year (registrant calls only when stated)
  std::optional<GammaPosterior> unregistered_rate;  // per year, when the file separates them
  GammaPosterior emergency_rate;             // emergencies per registrant-year (for reading only)
  DirichletPosterior band_share;
  std::array<BetaPosterior, hub::kTimeBands> emergency_share{};
  DirichletPosterior need;
  std::vector<PosteriorRow> rows;
};

Calibration calibrate(const Observations& obs, double level = sim::kDefaultConfidenceLevel);

// A scenario fragment (TOML) stating the posteriors, headed by the observations file and priors used.
std::string scenario_fragment(const Observations& obs, const Calibration& c);

}  // namespace kyoten::calibration
