// [meta], [horizon] and [[regions]].
#include <set>

#include "scenario/scenario_defaults.hpp"
#include "scenario/sections.hpp"
#include "sim/time/civil_calendar.hpp"

namespace kyoten::scenario {

void read_meta(TableReader& root, hub::Meta& meta) {
  with_section(root, "meta", true, [&](TableReader& t) {
    meta.name = t.string("name");
    if (t.has("name") && meta.name.empty()) t.error("name", "must not be empty", "a short identifier, e.g. \"setagaya-fy2023\"");
    meta.title_ja = t.string_or("title_ja", "");
    meta.title_en = t.string_or("title_en", "");
    meta.description = t.string_or("description", "");
    meta.source = t.string_or("source", "");
    // The texts per language are checked here (strings) and read by the report from the resolved scenario in
    // summary.json; the model needs none of them.
    for (const char* key : {"description_ja", "description_en", "source_ja", "source_en"}) t.string_or(key, "");
  });
}

bool read_horizon(TableReader& root, hub::Horizon& horizon) {
  bool usable = false;
  with_section(root, "horizon", true, [&](TableReader& t) {
    const auto start = t.date("start");
    const auto end = t.date("end");
    horizon.warmup_days = t.number_or("warmup_days", hub::Horizon{}.warmup_days, limits::up_to(limits::kDays));
    if (!start || !end) return;
    horizon.start = *start;
    horizon.end = *end;
    if (*end <= *start) {
      t.error("end", "end " + sim::iso_date(*end) + " must be after start " + sim::iso_date(*start),
              "the horizon is [start, end), end exclusive");
      return;
    }
    // The public-holiday calendar covers a fixed range of years; the warm-up runs before `start`.
    using namespace std::chrono;
    const auto first = sys_days{year{sim::kFirstHolidayYear} / January / 1};
    const auto last = sys_days{year{sim::kLastHolidayYear} / December / 31};
    if (*start - days{static_cast<int>(horizon.warmup_days) + 1} < first || *end > last) {
      t.error("start", "the horizon (with its warm-up) must lie within " + std::to_string(sim::kFirstHolidayYear) +
                           "–" + std::to_string(sim::kLastHolidayYear),
              "the years the Japanese holiday calendar covers");
      return;
    }
    usable = true;
  });
  return usable;
}

void read_calendar(TableReader& root, hub::CalendarRules& calendar) {
  with_section(root, "calendar", false, [&](TableReader& t) {
    calendar.year_end_closure = t.boolean_or("year_end_closure", hub::CalendarRules{}.year_end_closure);
    calendar.census_hour = t.integer_or("census_hour", hub::CalendarRules{}.census_hour, between(0, 23));
  });
}

void read_regions(TableReader& root, std::vector<hub::Region>& regions) {
  std::set<std::string> seen;
  double total_weight = 0;
  root.each_table("regions", true, [&](TableReader& t, std::size_t) {
    hub::Region region;
    region.name = t.string("name");
    if (t.has("name") && region.name.empty()) t.error("name", "must not be empty");
    if (!region.name.empty() && !seen.insert(region.name).second)
      t.error("name", "region '" + region.name + "' is listed twice", "region names must be unique");
    region.registrant_weight = t.number_or("registrant_weight", hub::Region{}.registrant_weight, limits::up_to(limits::kWeight));
    total_weight += region.registrant_weight;
    regions.push_back(std::move(region));
  });
  if (regions.size() > static_cast<std::size_t>(hub::kMaxRegions))
    root.error("regions", std::to_string(regions.size()) + " regions; at most " + std::to_string(hub::kMaxRegions));
  if (!regions.empty() && total_weight <= 0)
    root.error("regions", "every registrant_weight is zero", "give at least one region a weight > 0");
}

}  // namespace kyoten::scenario
