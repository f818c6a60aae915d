#include "planning/scenario_set.hpp"

#include <set>

#include "scenario/input_error.hpp"

namespace kyoten::planning {

std::vector<scenario::LoadedScenario> load_all(const std::vector<ScenarioRequest>& requests) {
  std::vector<scenario::LoadedScenario> loaded;
  std::vector<InputError> errors;
  std::set<std::string> seen;
  auto add = [&](InputError e) {
    if (seen.insert(e.format()).second) errors.push_back(std::move(e));
  };
  for (const ScenarioRequest& r : requests) {
    try {
      loaded.push_back(scenario::load_scenario(r.file, r.overrides));
    } catch (const InputErrors& e) {
      for (const InputError& error : e.errors()) add(error);
    } catch (const std::exception& e) {  // the loader should say everything as InputErrors; never crash if not
      add(InputError{.file = r.file, .line = 0, .column = 0, .key = "", .message = e.what(), .hint = ""});
    }
  }
  if (!errors.empty()) throw InputErrors(std::move(errors));
  return loaded;
}

}  // namespace kyoten::planning
