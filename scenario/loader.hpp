#pragma once
// Loads a scenario file: resolves `base` chains, applies `--set` overrides, reads every section into the
// immutable hub::Scenario and validates it. Throws InputErrors listing every problem found, each with
// file:line:column, the dotted key path, what is wrong and what is allowed (and a did-you-mean for unknown
// keys and names). The schema is documented in scenarios/README.md.
#include <filesystem>
#include <string>
#include <toml++/toml.h>
#include <vector>

#include "models/hub/scenario.hpp"
#include "scenario/input_error.hpp"

namespace kyoten::scenario {

struct LoadedScenario {
  hub::Scenario scenario;
  toml::table resolved;  // the merged and overridden TOML (without `base`), as recorded in results
  std::string file;      // the file as the user named it
};

// `overrides` are "KEY=VALUE" strings from --set (see overrides.hpp). Throws InputErrors.
LoadedScenario load_scenario(const std::filesystem::path& file, const std::vector<std::string>& overrides = {});

// The resolved scenario as JSON (for summary.json).
std::string resolved_as_json(const LoadedScenario& loaded);

}  // namespace kyoten::scenario
