#pragma once
// Rates and probabilities that a scenario may state as a distribution over their value (epistemic uncertainty,
// e.g. a posterior from `kyoten calibrate`) instead of a number:
//   per_registrant_per_year = { dist = "gamma", shape = 48.5, rate = 99 }     (a rate: support within [0, inf))
//   weekday_daytime = { dist = "beta", a = 9.5, b = 25.5 }                    (a probability: support within [0, 1])
// Any family of distribution_reader.hpp is read; its support must lie inside the key's allowed range, so a
// probability takes beta, a uniform within [0, 1] or a constant, never a gamma. The point value is the mean.
// Splits take a Dirichlet instead (section_helpers.hpp, read_keyed).
#include <optional>
#include <string>
#include <toml++/toml.h>

#include "scenario/error_sink.hpp"
#include "scenario/toml_values.hpp"
#include "sim/random/distribution.hpp"

namespace kyoten::scenario {

struct UncertainNumber {
  double point = 0;                      // the number, or the distribution's mean
  std::optional<sim::Distribution> law;  // set when the value is stated as a (non-constant) distribution
};

std::optional<UncertainNumber> read_uncertain_number(ErrorSink& sink, const toml::node& node, const std::string& key,
                                                     const Range& range);

}  // namespace kyoten::scenario
