// [[surges]]: dated surges of emergencies (災害時), each a number of extra emergency calls spread over a few days,
// from one region or from everyone.
#include "scenario/section_helpers.hpp"
#include "sim/time/civil_calendar.hpp"
#include "scenario/sections.hpp"

namespace kyoten::scenario {

void read_surges(TableReader& root, const hub::Horizon* horizon, const std::vector<hub::Region>& regions,
                 std::vector<hub::Surge>& surges) {
  std::vector<std::string> region_names;
  for (const auto& r : regions) region_names.push_back(r.name);
  root.each_table("surges", false, [&](TableReader& t, std::size_t i) {
    hub::Surge s;
    s.name = t.string_or("name", "surge " + std::to_string(i + 1));
    s.days = t.number("days", limits::positive_up_to(limits::kDays));
    s.extra_emergencies = t.integer("extra_emergencies", limits::whole_up_to(0, limits::kSurgeEmergencies));
    if (t.has("region")) {
      const auto* node = t.find("region");
      if (auto name = read_string(t.sink(), *node, t.key_path("region")))
        s.region = resolve_name(t.sink(), {*name, node, t.key_path("region")}, "region", region_names).value_or(-1);
    }
    if (auto start = t.date("start")) {
      s.start = *start;
      if (horizon && (*start < horizon->start || *start >= horizon->end))
        t.error("start", "a surge must start inside the horizon, got " + sim::iso_date(*start),
                "from horizon.start " + sim::iso_date(horizon->start) + " to before horizon.end " +
                    sim::iso_date(horizon->end) + " (the warm-up is not counted)");
    }
    surges.push_back(std::move(s));
  });
}

}  // namespace kyoten::scenario
