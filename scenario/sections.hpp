#pragma once
// One reader per part of the scenario file; each fills its part of hub::Scenario and records every problem in
// the ErrorSink of the root reader. Readers that resolve names (regions, centers) run after those they name.
#include "models/hub/scenario.hpp"
#include "scenario/staff_schedule.hpp"
#include "scenario/table_reader.hpp"
#include "scenario/value_limits.hpp"

namespace kyoten::scenario {

void read_meta(TableReader& root, hub::Meta& meta);
// Returns false when the horizon's dates are unusable (readers that need them then skip their date checks).
bool read_horizon(TableReader& root, hub::Horizon& horizon);
void read_regions(TableReader& root, std::vector<hub::Region>& regions);
void read_calendar(TableReader& root, hub::CalendarRules& calendar);

void read_registration(TableReader& root, const hub::Horizon* horizon, hub::Registration& registration);
void read_assessment(TableReader& root, hub::Assessment& assessment);
void read_calls(TableReader& root, hub::Calls& calls);
void read_duties(TableReader& root, hub::Duties& duties);

// Shifts written as [{ days = "weekdays", from = 9, to = 17, count = 2 }] under `key`: a center's staff, a
// facility's beds for daytime respite. Each count is 1..max_count.
std::vector<Shift> read_shifts(TableReader& owner, std::string_view key, bool required, int max_count,
                               const char* owner_noun);
void read_centers(TableReader& root, const std::vector<hub::Region>& regions, std::vector<hub::Center>& centers);
void read_facilities(TableReader& root, const std::vector<hub::Region>& regions, std::vector<hub::Facility>& facilities);

void read_hub(TableReader& root, hub::Hub& hub);
void read_stays(TableReader& root, hub::Stays& stays);
void read_home_support(TableReader& root, hub::HomeSupport& home_support);
// [[emergency_places]] (緊急一時保護: elderly-care agreement places, vacant houses, spare rooms); a left-over
// [elderly_care] section is refused with how to write it now.
void read_emergency_places(TableReader& root, hub::Scenario& scenario);
void read_experience(TableReader& root, const std::vector<hub::Facility>& facilities, hub::ExperienceStays& experience);
void read_budget(TableReader& root, hub::Budget& budget);
// Surges must start inside the horizon (skipped when its dates are unusable) and name known regions.
void read_surges(TableReader& root, const hub::Horizon* horizon, const std::vector<hub::Region>& regions,
                 std::vector<hub::Surge>& surges);
// After facilities, hub, home_support and emergency places: a fallback must name something the scenario has,
// and an escalation rule may name facilities.
void read_search(TableReader& root, const hub::Scenario& scenario, hub::Search& search);

// Runs fn on the section's reader (or, when the section is left out, on an empty one so defaults apply) and
// then checks the section's keys. A missing required section is an error.
template <class Fn>
void with_section(TableReader& root, std::string_view key, bool required, Fn&& fn) {
  static const toml::table kEmpty;
  auto section = root.table(key);
  if (!section) {
    if (required && !root.has(key)) root.missing(key, "a [" + std::string(key) + "] table");
    if (required) return;
    TableReader empty(root.sink(), kEmpty, std::string(key));
    fn(empty);
    return;
  }
  fn(*section);
  section->finish();
}

}  // namespace kyoten::scenario
