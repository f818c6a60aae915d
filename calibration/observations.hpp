#pragma once
// An observations file (docs/uncertainty.md, scenarios/observations/): what was counted over a period, with
// the exposure it was counted over, and the priors to combine it with. Reading reports every problem as an
// InputError (file:line:column, key, what is wrong, what is allowed), the same way scenario files are checked.
#include <array>
#include <filesystem>
#include <optional>
#include <string>

#include "models/hub/scenario.hpp"
#include "scenario/toml_values.hpp"

namespace kyoten::calibration {

inline constexpr std::size_t kNeedCount = 3;
inline constexpr std::array<const char*, kNeedCount> kNeedKeys = {"short_stay", "home_help", "both"};

// Stated priors; the defaults are Jeffreys-like and chosen for frequentist coverage close to nominal
// (tests/models/test_calibration_coverage.cpp).
struct Priors {
  double rate_shape = 0.5;  // Gamma(shape, rate) on an event rate
  double rate_rate = 0.0;
  double split_alpha = 0.5;  // Dirichlet(alpha, ..., alpha) on a split
  double probability_a = 0.5;  // Beta(a, b) on a per-band probability
  double probability_b = 0.5;
};

struct Observations {
  std::string file;  // as the user named it
  scenario::Date start{};
  scenario::Date end{};
  int calls = 0;                     // calls counted over the period
  double registrant_years = 0;       // exposure: mean registered x years
  std::optional<int> unregistered;   // of `calls`, those from people not registered (when known)
  std::array<int, hub::kTimeBands> calls_by_band{};
  std::array<int, hub::kTimeBands> emergencies_by_band{};  // trials: calls_by_band
  std::array<int, kNeedCount> emergencies_by_need{};
  Priors priors;

  [[nodiscard]] double years() const;  // the period's length in years of sim::kDaysPerYear days
  [[nodiscard]] int emergencies() const;
};

// Throws InputErrors listing every problem found.
Observations read_observations(const std::filesystem::path& file);

}  // namespace kyoten::calibration
