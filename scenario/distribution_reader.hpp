#pragma once
// Distributions in scenario files: an inline table naming the family and its parameters,
//   { dist = "lognormal", mean = 3.5, sd = 1.0 }   { dist = "exponential", mean = 30 }
//   { dist = "gamma", shape = 2, scale = 1.5 }       { dist = "weibull", shape = 1.5, scale = 4 }
//   { dist = "gamma", shape = 48.5, rate = 99 }      { dist = "beta", a = 9.5, b = 25.5 }
//   { dist = "uniform", low = 3, high = 4 }          { dist = "constant", value = 2 }
//   { dist = "empirical", values = [1, 2, 7], weights = [5, 3, 1] }   (weights optional: equal)
// or a bare number, meaning a constant. Every distribution here is of a duration or a count, so values
// below zero are refused as well as parameters the family cannot take.
#include <optional>
#include <string>
#include <toml++/toml.h>

#include "scenario/error_sink.hpp"
#include "sim/random/distribution.hpp"

namespace kyoten::scenario {

std::optional<sim::Distribution> read_distribution(ErrorSink& sink, const toml::node& node, const std::string& key);

}  // namespace kyoten::scenario
