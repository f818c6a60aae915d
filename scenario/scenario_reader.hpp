#pragma once
// The whole scenario from its resolved TOML table: each section in dependency order (regions before the
// centers and facilities that name them; hub, home support and emergency places before the fallbacks that use them).
#include <toml++/toml.h>

#include "models/hub/scenario.hpp"
#include "scenario/error_sink.hpp"

namespace kyoten::scenario {

// Records every problem in `sink`; the returned scenario is meaningful only if none was recorded.
hub::Scenario read_scenario(const toml::table& root, ErrorSink& sink);

}  // namespace kyoten::scenario
