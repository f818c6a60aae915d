#include "scenario/scenario_reader.hpp"

#include "scenario/sections.hpp"

namespace kyoten::scenario {

hub::Scenario read_scenario(const toml::table& root_table, ErrorSink& sink) {
  hub::Scenario s;
  TableReader root(sink, root_table, "");
  root.collect_uncertain(s.uncertain);
  root.find("changes");  // dated changes: read by plan_changes.cpp
  read_meta(root, s.meta);
  const bool horizon_ok = read_horizon(root, s.horizon);
  read_calendar(root, s.calendar);
  read_regions(root, s.regions);
  read_registration(root, horizon_ok ? &s.horizon : nullptr, s.registration);
  read_assessment(root, s.assessment);
  read_calls(root, s.calls);
  read_duties(root, s.duties);
  read_centers(root, s.regions, s.centers);
  read_facilities(root, s.regions, s.facilities);
  read_hub(root, s.hub);
  read_stays(root, s.stays);
  read_home_support(root, s.home_support);
  read_emergency_places(root, s);
  read_experience(root, s.facilities, s.experience);
  read_budget(root, s.budget);
  read_surges(root, horizon_ok ? &s.horizon : nullptr, s.regions, s.surges);
  read_search(root, s, s.search);
  root.finish();
  return s;
}

}  // namespace kyoten::scenario
