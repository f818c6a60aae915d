#pragma once
// A scenario value stated as a distribution rather than a number (a rate or probability estimated from few
// counts, as `kyoten calibrate` writes it). The Scenario holds the point value (the distribution's mean) so
// everything that reads it works unchanged; this record says how to draw a fresh value for one replication
// pair and where in a copy of the Scenario to put it.
#include <functional>
#include <string>
#include <variant>
#include <vector>

#include "sim/random/dirichlet.hpp"
#include "sim/random/distribution.hpp"

namespace kyoten::hub {

struct Scenario;

// Where one drawn value goes in a (copied) Scenario.
using ParameterTarget = std::function<double&(Scenario&)>;

struct UncertainParameter {
  std::string key;                      // dotted key path as written, e.g. "calls.band_share"
  std::vector<std::string> names;       // one per drawn value: the key, or key.category for a split
  std::vector<ParameterTarget> targets; // one per drawn value
  std::variant<sim::Distribution, sim::Dirichlet> law;  // one value, or a split (one value per category)
  // Where the distribution was written ("file:line:column"): a later plan that inherits this very value, rather
  // than stating one of its own, shares its draw.
  std::string origin{};
  // The same values in each later plan that inherits them (Scenario::changes): one list of targets per plan,
  // parallel to `targets`.
  std::vector<std::vector<ParameterTarget>> inherited{};
};

}  // namespace kyoten::hub
