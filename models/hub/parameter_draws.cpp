#include "models/hub/parameter_draws.hpp"

#include <variant>

#include "sim/random/stream.hpp"

namespace kyoten::hub {

std::size_t replications_per_draw(const Scenario& scenario) { return scenario.uncertain.empty() ? 1 : 2; }

std::size_t whole_draws(const Scenario& scenario, std::size_t replications) {
  const std::size_t group = replications_per_draw(scenario);
  return (replications + group - 1) / group * group;
}

std::vector<std::string> parameter_names(const Scenario& scenario) {
  std::vector<std::string> names;
  for (const UncertainParameter& p : scenario.uncertain) names.insert(names.end(), p.names.begin(), p.names.end());
  return names;
}

Scenario draw_parameters(const Scenario& scenario, std::uint64_t seed, std::uint64_t replication,
                         std::vector<double>& drawn) {
  Scenario copy = scenario;
  sim::RandomStream stream(seed, replication / replications_per_draw(scenario), "parameters");
  std::vector<double> values;
  for (const UncertainParameter& p : scenario.uncertain) {
    values.assign(p.targets.size(), 0.0);
    if (const auto* one = std::get_if<sim::Distribution>(&p.law))
      values[0] = (*one)(stream);
    else
      std::get<sim::Dirichlet>(p.law)(stream, values);
    for (std::size_t i = 0; i < values.size(); ++i) p.targets[i](copy) = values[i];
    for (const auto& plan : p.inherited)
      for (std::size_t i = 0; i < values.size(); ++i) plan[i](copy) = values[i];
    drawn.insert(drawn.end(), values.begin(), values.end());
  }
  return copy;
}

}  // namespace kyoten::hub
