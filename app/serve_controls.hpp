#pragma once
// The what-if page's levers for one loaded scenario: each a `--set` key with its unit, the range the scenario
// loader allows (the same scenario::Range the loader checks; tests/app pin that the two agree), a slider span
// and the scenario's current value. The page builds its form from this list, so a scenario with three
// centers gets three centers' staff controls.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "scenario/loader.hpp"
#include "scenario/toml_values.hpp"

namespace kyoten::app {

struct Control {
  std::string group;  // "staff", "wages", "demand", "beds", "budget": a section of the form
  std::string label_ja;
  std::string label_en;
  std::string unit;  // "people", "hours", "yen_per_hour", "share", "per_year", "yen", "rooms", "beds"
  bool integer = false;
  scenario::Range allowed;  // what the loader accepts
  double slider_max = 0;    // the top of the slider: a convenience, not a rule (larger values may be typed)
  double step = 1;
  double value = 0;  // in the loaded scenario
  std::string key{};  // a `--set` path, e.g. "centers[0].staff[1].count"
};

std::vector<Control> controls_for(const scenario::LoadedScenario& loaded);

nlohmann::json controls_json(const std::vector<Control>& controls);

}  // namespace kyoten::app
