#include "scenario/loader.hpp"

#include <sstream>

#include "scenario/base_resolution.hpp"
#include "scenario/error_sink.hpp"
#include "scenario/overrides.hpp"
#include "scenario/scenario_reader.hpp"
#include "scenario/work_estimate.hpp"
#include "scenario/plan_changes.hpp"

namespace kyoten::scenario {
namespace {

// Values that readers of results need even when the file left them to their defaults (the report reads the
// number of hub rooms to draw the room-occupancy chart).
void record_effective_values(toml::table& resolved, const hub::Scenario& scenario) {
  auto* hub = resolved["hub"].as_table();
  if (!hub) hub = resolved.insert_or_assign("hub", toml::table{}).first->second.as_table();
  hub->insert_or_assign("rooms", static_cast<std::int64_t>(scenario.hub.rooms));
  auto* horizon = resolved["horizon"].as_table();
  if (horizon) horizon->insert_or_assign("warmup_days", scenario.horizon.warmup_days);
}

}  // namespace

LoadedScenario load_scenario(const std::filesystem::path& file, const std::vector<std::string>& overrides) {
  ErrorSink sink;
  auto table = read_with_bases(file, sink);
  if (!table) sink.throw_if_any();  // nothing readable: syntax errors or a broken base chain
  apply_overrides(*table, overrides, sink);
  // Validate even after a bad --set: the user then sees every problem at once.
  // Each dated change's plan is read from a fresh reading (plan_changes.hpp); its problems were reported above.
  const ReadAgain read_again = [&]() -> std::optional<toml::table> {
    ErrorSink already_reported;
    auto again = read_with_bases(file, already_reported);
    if (again) apply_overrides(*again, overrides, already_reported);
    return again;
  };
  hub::Scenario scenario = read_scenario_with_changes(*table, read_again, sink);
  sink.throw_if_any();
  if (const auto why = replication_too_large(estimate_work(scenario))) {
    sink.at_position(file.string(), 0, 0, "", *why,
                     "lower the rates, registrants, beds or horizon (limits: scenarios/README.md)");
    sink.throw_if_any();
  }
  record_effective_values(*table, scenario);
  return {std::move(scenario), std::move(*table), file.string()};
}

std::string resolved_as_json(const LoadedScenario& loaded) {
  std::ostringstream out;
  out << toml::json_formatter{loaded.resolved};
  return out.str();
}

}  // namespace kyoten::scenario
