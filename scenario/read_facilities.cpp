// [facility_defaults] and [[facilities]]: short-stay facilities, their beds, acceptance and costs. Values common
// to all facilities may be written once in [facility_defaults]; an entry's own value wins.
#include <algorithm>
#include <set>

#include "scenario/scenario_defaults.hpp"
#include "scenario/section_helpers.hpp"
#include "scenario/sections.hpp"

namespace kyoten::scenario {
namespace {

// Where a value of facility `index`'s acceptance lives in a (copied) Scenario.
template <class Value>
auto acceptance_field(std::size_t index, Value hub::Acceptance::*member) {
  return [index, member](hub::Scenario& s) -> Value& { return s.facilities[index].acceptance.*member; };
}

void read_acceptance(TableReader& facility, std::size_t index, hub::Acceptance& acceptance) {
  auto t = facility.table("acceptance");
  if (!t) {
    if (!facility.has("acceptance"))
      facility.missing("acceptance", "[facilities.acceptance] (or [facility_defaults.acceptance]) with base = { ... }");
    return;
  }
  if (auto base = read_keyed(*t, "base", hub::kTimeBandKeys, probability(), KeyedTable::EveryKeyRequired,
                             KeyedTarget<hub::kTimeBands>(acceptance_field(index, &hub::Acceptance::base))))
    acceptance.base = *base;
  else if (!t->has("base"))
    t->missing("base", "P(accept | free bed) by band: { weekday_daytime = ..., weekday_evening = ..., weekday_night = "
                       "..., weekend_holiday = ... }");
  const hub::Acceptance d;
  acceptance.assessed_factor = t->uncertain_number_or("assessed_factor", d.assessed_factor, limits::up_to(limits::kFactor),
                                                       acceptance_field(index, &hub::Acceptance::assessed_factor));
  acceptance.known_factor = t->uncertain_number_or("known_factor", d.known_factor, limits::up_to(limits::kFactor),
                                                    acceptance_field(index, &hub::Acceptance::known_factor));
  acceptance.advance_plan_factor =
      t->uncertain_number_or("advance_plan_factor", d.advance_plan_factor, limits::up_to(limits::kFactor),
                             acceptance_field(index, &hub::Acceptance::advance_plan_factor));
  t->finish();
}

// [facilities.wide_area]: beds the neighbouring municipalities' stays also take (広域).
void read_wide_area(TableReader& facility, int beds, hub::WideArea& wide_area) {
  auto t = facility.table("wide_area");
  if (!t) return;
  wide_area.beds = t->integer("beds", limits::whole_up_to(1, limits::kBeds));
  if (wide_area.beds > beds && beds > 0)
    t->error("beds", "wide_area.beds (" + std::to_string(wide_area.beds) + ") exceeds the facility's beds (" +
                         std::to_string(beds) + ")",
             "the shared beds are some of the facility's own: 1 <= wide_area.beds <= beds");
  wide_area.neighbour_stays_per_year =
      t->number("neighbour_stays_per_year", limits::up_to(limits::kNeighbourStaysPerYear));
  wide_area.neighbour_stay_days = t->distribution("neighbour_stay_days");
  t->finish();
}

// daytime_respite = [{ days = "weekdays", from = 10, to = 16, count = 1 }]: ordinary beds taken by day.
void read_daytime_respite(TableReader& facility, const hub::Facility& f, hub::StaffSchedule& respite) {
  if (!facility.has("daytime_respite")) return;
  const std::size_t errors_before = facility.sink().size();
  respite = schedule_from_shifts(read_shifts(facility, "daytime_respite", false, limits::kBeds, "facility"));
  if (facility.sink().size() != errors_before) return;
  int most = 0;
  for (int n : respite.hour_of_week) most = std::max(most, n);
  for (int n : respite.holiday) most = std::max(most, n);
  const int ordinary = f.beds - f.reserved_emergency_beds;
  if (most > ordinary && f.beds > 0)
    facility.error("daytime_respite",
                   "daytime respite wants " + std::to_string(most) + " beds at once; the facility has " +
                       std::to_string(ordinary) + " ordinary beds",
                   "respite uses beds not reserved for emergencies: count (summed over overlapping entries) <= "
                   "beds - reserved_emergency_beds");
}

}  // namespace

void read_facilities(TableReader& root, const std::vector<hub::Region>& regions, std::vector<hub::Facility>& facilities) {
  std::vector<std::string> region_names;
  for (const auto& r : regions) region_names.push_back(r.name);
  auto shared = root.table("facility_defaults");
  if (shared) {
    for (const char* own : {"name", "region"})
      if (shared->primary().contains(own)) {
        shared->error(own, std::string("'") + own + "' belongs in each [[facilities]] entry, not in [facility_defaults]");
      }
  }
  const sim::Distribution planned_stay_default(
      sim::LogNormal{defaults::kPlannedStayMeanDays, defaults::kPlannedStaySdDays});
  std::set<std::string> seen;

  const auto* entries = root.each_table("facilities", true, [&](TableReader& t, std::size_t) {
    if (shared) t.with_fallback(shared->primary(), shared->path());
    hub::Facility f;
    f.name = t.string("name");
    if (!f.name.empty() && !seen.insert(f.name).second)
      t.error("name", "facility '" + f.name + "' is listed twice", "facility names must be unique");
    if (t.has("region")) {
      const auto* node = t.find("region");
      if (auto name = read_string(t.sink(), *node, t.key_path("region")))
        f.region = resolve_name(t.sink(), {*name, node, t.key_path("region")}, "region", region_names).value_or(0);
    } else {
      t.missing("region", "the name of one of the [[regions]]");
    }
    f.beds = t.integer("beds", limits::whole_up_to(1, limits::kBeds));
    f.reserved_emergency_beds = t.integer_or("reserved_emergency_beds", 0, limits::up_to(limits::kBeds));
    if (f.reserved_emergency_beds > f.beds && f.beds > 0)
      t.error("reserved_emergency_beds",
              "reserved_emergency_beds (" + std::to_string(f.reserved_emergency_beds) + ") exceeds beds (" +
                  std::to_string(f.beds) + ")",
              "reserved beds are part of the facility's beds: 0 <= reserved_emergency_beds <= beds");
    const std::size_t index = facilities.size();  // this entry's place in the Scenario
    f.planned_occupancy = t.uncertain_number("planned_occupancy", Range{0, hub::kMaxPlannedOccupancy, false, true}, [index](hub::Scenario& s) -> double& {
      return s.facilities[index].planned_occupancy;
    });
    f.planned_stay_days = t.distribution_or("planned_stay_days", planned_stay_default);
    f.medical_care = t.boolean_or("medical_care", false);
    f.behavioural = t.boolean_or("behavioural", false);
    f.children = t.boolean_or("children", hub::Facility{}.children);
    read_acceptance(t, index, f.acceptance);
    f.contact_minutes_day = t.distribution("contact_minutes_day");
    f.contact_minutes_other = t.distribution("contact_minutes_other");
    f.experience_stays = t.boolean_or("experience_stays", false);
    f.experience_days_per_year = t.integer_or("experience_days_per_year", 0, limits::up_to(limits::kExperienceDaysPerYear));
    if (f.experience_stays && f.experience_days_per_year == 0 && !t.has("experience_days_per_year"))
      t.missing("experience_days_per_year", "needed because experience_stays = true; the yearly cap in days");
    f.reserved_bed_fee_per_day_yen = t.number_or("reserved_bed_fee_per_day_yen", 0, limits::up_to(limits::kYen));
    f.emergency_stay_fee_per_day_yen = t.number_or("emergency_stay_fee_per_day_yen", 0, limits::up_to(limits::kYen));
    read_wide_area(t, f.beds, f.wide_area);
    read_daytime_respite(t, f, f.daytime_respite);
    // Written in a dated change only (plan_changes.cpp refuses it in the plan in force from the start).
    f.in_service = !t.boolean_or("leaves", false);
    facilities.push_back(std::move(f));
  });
  // [facility_defaults] keys are checked by each facility's reader (it reads through both layers).

  if (entries && entries->size() > static_cast<std::size_t>(defaults::kMaxFacilities))
    root.error("facilities",
               std::to_string(entries->size()) + " facilities; at most " + std::to_string(defaults::kMaxFacilities),
               "the model keeps each person's known facilities in a 64-bit mask; merge small facilities");
}

}  // namespace kyoten::scenario
