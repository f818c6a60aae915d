#include "models/scenario/loader.hpp"

#include <sstream>

#include "models/scenario/base_resolution.hpp"
#include "models/scenario/error_sink.hpp"
#include "models/scenario/overrides.hpp"
#include "models/scenario/scenario_reader.hpp"

namespace kyoten::scenario {

LoadedScenario load_scenario(const std::filesystem::path& file, const std::vector<std::string>& overrides) {
  ErrorSink sink;
  auto table = read_with_bases(file, sink);
  if (!table) sink.throw_if_any();  // nothing readable: syntax errors or a broken base chain
  apply_overrides(*table, overrides, sink);
  // Validate even after a bad --set: the user then sees every problem at once.
  hub::Scenario scenario = read_scenario(*table, sink);
  sink.throw_if_any();
  return {std::move(scenario), std::move(*table), file.string()};
}

std::string resolved_as_json(const LoadedScenario& loaded) {
  std::ostringstream out;
  out << toml::json_formatter{loaded.resolved};
  return out.str();
}

}  // namespace kyoten::scenario
