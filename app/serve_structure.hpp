#pragma once
// The what-if page's structural levers: choices that change how the service is organised rather than a number.
//  * `centers[i].schedule`: "24h" (someone on site every hour) or "day_on_call" (on site 9–18 only, an on-call
//    coordinator from home otherwise) — offered for a center that is one of the two in the scenario.
//  * `regions[r].center`: which center answers region r's calls first — offered when the scenario has two or
//    more centers. Routing every region to one center closes the others (unless one is another's overflow).
// These keys are the page's, not `--set` paths: each choice that differs from the scenario becomes one `--set`
// of the whole `centers` array, rebuilt from the scenario's own (after the numeric levers' changes), so every
// value still goes through the scenario loader and a saved file (`base` + `centers`) reproduces the run.
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "scenario/loader.hpp"

namespace kyoten::app {

// Daytime on site when a center goes to day + on-call: 9–18, as scenarios/setagaya-plan-daytime-oncall.toml
// (written assumption, scenarios/README.md).
inline constexpr int kDaytimeFromHour = 9;
inline constexpr int kDaytimeToHour = 18;
// On-call keys a center gets when it has none of its own: the answer delay and the standby allowance of
// scenarios/nishitokyo.toml and setagaya-plan-daytime-oncall.toml (written assumptions, scenarios/README.md).
inline constexpr double kDefaultOnCallDelayHours = 1.0;
inline constexpr double kDefaultOnCallYenPerHour = 300;

inline constexpr const char* kAllDay = "24h";
inline constexpr const char* kDayOnCall = "day_on_call";

struct ChoiceOption {
  std::string value;
  std::string label_ja;
  std::string label_en;
};

struct Choice {
  std::string key;    // "centers[0].schedule", "regions[2].center"
  std::string group;  // "structure"
  std::string label_ja;
  std::string label_en;
  std::vector<ChoiceOption> options;
  std::string value;  // the scenario's own
};

[[nodiscard]] bool every_hour_staffed(const hub::StaffSchedule& schedule);
// A center is offered the 24 h / day + on-call choice when it is one of the two already (a center whose empty
// hours wait or overflow is neither).
[[nodiscard]] bool offers_schedule_choice(const hub::Center& center);

std::vector<Choice> choices_for(const scenario::LoadedScenario& loaded);

nlohmann::json choices_json(const std::vector<Choice>& choices);

// The `--set` overrides that carry out `chosen` (choice key → option value, each one of its choice's options)
// on top of the numeric levers' `numeric_overrides`: nothing when every choice is the scenario's own, otherwise
// one `centers=[…]` (inline TOML). `error_key`/`error` say why a choice cannot be carried out (e.g. a center
// with no shift in the daytime).
struct StructureOverrides {
  std::vector<std::string> overrides;
  std::string error_key;
  std::string error;
};
StructureOverrides structure_overrides(const scenario::LoadedScenario& loaded, const std::vector<Choice>& choices,
                                       const std::vector<std::string>& numeric_overrides,
                                       const std::map<std::string, std::string>& chosen);

// A TOML value on one line (tables as inline tables), as `--set` reads it.
std::string inline_toml(const toml::node& node);

}  // namespace kyoten::app
