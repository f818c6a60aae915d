#include "app/serve_structure.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "scenario/error_sink.hpp"
#include "scenario/overrides.hpp"

namespace kyoten::app {
namespace {

constexpr std::array<const char*, 7> kDayNames = {"monday", "tuesday", "wednesday", "thursday",
                                                  "friday", "saturday", "sunday"};

std::string name_of(const toml::node* node) {
  const auto* t = node ? node->as_table() : nullptr;
  const auto* n = t ? t->get_as<std::string>("name") : nullptr;
  return n ? n->get() : "";
}

bool bare_key(std::string_view key) {
  return !key.empty() && std::ranges::all_of(key, [](char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-';
  });
}

std::string leaf_text(const toml::node& node) {
  std::ostringstream out;
  node.visit([&out](const auto& n) { out << toml::toml_formatter{n}; });
  return out.str();
}

// The center serving each region first, by index; -1 for a region nobody serves (no registrants there).
std::vector<int> region_homes(const hub::Scenario& scenario) {
  std::vector<int> home(scenario.regions.size(), -1);
  for (std::size_t c = 0; c < scenario.centers.size(); ++c)
    for (int r : scenario.centers[c].regions) home[static_cast<std::size_t>(r)] = static_cast<int>(c);
  return home;
}

// A shift cut to the daytime hours, or nothing when it has none. A shift past midnight keeps its evening part
// (its days' own hours); the hours after midnight belong to the next day and are left out.
std::optional<toml::table> daytime_part(const toml::table& shift) {
  const int from = static_cast<int>(shift["from"].value<std::int64_t>().value_or(0));
  const int to = static_cast<int>(shift["to"].value<std::int64_t>().value_or(24));
  const int start = std::max(from, kDaytimeFromHour);
  const int end = to > from ? std::min(to, kDaytimeToHour) : kDaytimeToHour;
  if (start >= end) return std::nullopt;
  toml::table out = shift;
  out.insert_or_assign("from", start);
  out.insert_or_assign("to", end);
  return out;
}

// One on-site coordinator in every hour `schedule` leaves without anyone: one shift per run of empty hours,
// days with the same run written together (e.g. { days = ["saturday", "sunday"], from = 0, to = 24 }).
toml::array fill_empty_hours(const hub::StaffSchedule& schedule) {
  std::map<std::pair<int, int>, std::vector<std::string>> runs;  // (from, to) → days
  const auto add_runs = [&runs](const auto& hours, int first, const std::string& day) {
    for (int h = 0; h < 24;) {
      if (hours[static_cast<std::size_t>(first + h)] > 0) {
        ++h;
        continue;
      }
      const int start = h;
      while (h < 24 && hours[static_cast<std::size_t>(first + h)] == 0) ++h;
      runs[{start, h}].push_back(day);
    }
  };
  for (int d = 0; d < 7; ++d) add_runs(schedule.hour_of_week, d * 24, kDayNames[static_cast<std::size_t>(d)]);
  add_runs(schedule.holiday, 0, "holiday");
  toml::array out;
  for (const auto& [hours, days] : runs) {
    toml::array day_list;
    for (const auto& d : days) day_list.push_back(d);
    out.push_back(toml::table{{"days", day_list}, {"from", hours.first}, {"to", hours.second}, {"count", 1}});
  }
  return out;
}

void to_day_on_call(toml::table& center, const std::string& key, StructureOverrides& out) {
  toml::array kept;
  if (const auto* staff = center.get_as<toml::array>("staff"))
    for (const auto& shift : *staff)
      if (const auto* t = shift.as_table())
        if (auto part = daytime_part(*t)) kept.push_back(std::move(*part));
  if (kept.empty()) {
    out.error_key = key;
    out.error = fmt::format("no shift of this center is on site between {} and {}", kDaytimeFromHour, kDaytimeToHour);
    return;
  }
  center.insert_or_assign("staff", std::move(kept));
  if (!center.contains("on_call_delay_hours")) center.insert("on_call_delay_hours", kDefaultOnCallDelayHours);
  if (!center.contains("on_call_cost_per_hour_yen")) center.insert("on_call_cost_per_hour_yen", kDefaultOnCallYenPerHour);
}

void to_all_day(toml::table& center, const hub::StaffSchedule& schedule) {
  toml::array staff;
  if (const auto* own = center.get_as<toml::array>("staff")) staff = *own;
  for (const auto& shift : fill_empty_hours(schedule)) staff.push_back(*shift.as_table());
  center.insert_or_assign("staff", std::move(staff));
}

// Each center's regions from `home` (region → center index); then centers serving no region that no remaining
// center overflows to are closed, until none is left to close.
void route_regions(toml::array& centers, const std::vector<std::string>& region_names, const std::vector<int>& home) {
  for (std::size_t c = 0; c < centers.size(); ++c) {
    toml::array served;
    for (std::size_t r = 0; r < home.size(); ++r)
      if (home[r] == static_cast<int>(c)) served.push_back(region_names[r]);
    if (auto* t = centers.get(c)->as_table(); t && (!served.empty() || t->contains("regions")))
      t->insert_or_assign("regions", std::move(served));
  }
  for (bool closed = true; closed;) {
    closed = false;
    std::set<std::string> overflow_targets;
    for (const auto& c : centers)
      if (const auto* list = c.as_table() ? c.as_table()->get_as<toml::array>("overflow") : nullptr)
        for (const auto& n : *list)
          if (const auto s = n.value<std::string>()) overflow_targets.insert(*s);
    for (std::size_t c = 0; c < centers.size(); ++c) {
      const auto* t = centers.get(c)->as_table();
      const auto* served = t ? t->get_as<toml::array>("regions") : nullptr;
      if ((!served || served->empty()) && !overflow_targets.contains(name_of(t))) {
        centers.erase(centers.cbegin() + static_cast<std::ptrdiff_t>(c));
        closed = true;
        break;
      }
    }
  }
}

}  // namespace

bool every_hour_staffed(const hub::StaffSchedule& s) {
  return std::ranges::all_of(s.hour_of_week, [](int n) { return n > 0; }) &&
         std::ranges::all_of(s.holiday, [](int n) { return n > 0; });
}

bool offers_schedule_choice(const hub::Center& center) {
  return every_hour_staffed(center.staff) || center.on_call_delay_hours.has_value();
}

std::vector<Choice> choices_for(const scenario::LoadedScenario& loaded) {
  std::vector<Choice> out;
  const auto& centers = loaded.scenario.centers;
  for (std::size_t c = 0; c < centers.size(); ++c) {
    if (!offers_schedule_choice(centers[c])) continue;
    const bool all_day = every_hour_staffed(centers[c].staff);
    out.push_back({.key = fmt::format("centers[{}].schedule", c),
                   .group = "structure",
                   .label_ja = centers[c].name + "：勤務体制",
                   .label_en = centers[c].name + ": schedule",
                   .options = {{kAllDay, "24時間常駐", "on site 24 hours"},
                               {kDayOnCall, fmt::format("日中常駐（{}〜{}時）＋夜間・休日オンコール", kDaytimeFromHour, kDaytimeToHour),
                                fmt::format("on site {}–{} h, on call otherwise", kDaytimeFromHour, kDaytimeToHour)}},
                   .value = all_day ? kAllDay : kDayOnCall});
  }
  if (centers.size() < 2) return out;
  std::vector<ChoiceOption> options;
  for (const auto& c : centers) options.push_back({c.name, c.name, c.name});
  const std::vector<int> home = region_homes(loaded.scenario);
  for (std::size_t r = 0; r < home.size(); ++r) {
    if (home[r] < 0) continue;  // nobody registers there: no center serves it
    const std::string& region = loaded.scenario.regions[r].name;
    out.push_back({.key = fmt::format("regions[{}].center", r),
                   .group = "structure",
                   .label_ja = region + "地域の相談先（最初に受ける拠点）",
                   .label_en = "Center answering " + region + " first",
                   .options = options,
                   .value = centers[static_cast<std::size_t>(home[r])].name});
  }
  return out;
}

nlohmann::json choices_json(const std::vector<Choice>& choices) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& c : choices) {
    nlohmann::json options = nlohmann::json::array();
    for (const auto& o : c.options)
      options.push_back({{"value", o.value}, {"label_ja", o.label_ja}, {"label_en", o.label_en}});
    out.push_back({{"key", c.key},
                   {"kind", "choice"},
                   {"group", c.group},
                   {"label_ja", c.label_ja},
                   {"label_en", c.label_en},
                   {"options", options},
                   {"value", c.value}});
  }
  return out;
}

StructureOverrides structure_overrides(const scenario::LoadedScenario& loaded, const std::vector<Choice>& choices,
                                       const std::vector<std::string>& numeric_overrides,
                                       const std::map<std::string, std::string>& chosen) {
  StructureOverrides out;
  std::vector<const Choice*> moved;
  for (const auto& c : choices)
    if (const auto it = chosen.find(c.key); it != chosen.end() && it->second != c.value) moved.push_back(&c);
  if (moved.empty()) return out;

  // The centers as the numeric levers leave them; their own mistakes are the loader's to report afterwards.
  toml::table tree = loaded.resolved;
  scenario::ErrorSink ignored;
  scenario::apply_overrides(tree, numeric_overrides, ignored);
  toml::array centers = *tree["centers"].as_array();

  const auto& hub_centers = loaded.scenario.centers;
  std::vector<int> home = region_homes(loaded.scenario);
  bool rerouted = false;
  for (const Choice* choice : moved) {
    const std::string& value = chosen.at(choice->key);
    std::size_t index = 0;
    const bool schedule = choice->key.ends_with(".schedule");
    if (schedule && std::sscanf(choice->key.c_str(), "centers[%zu]", &index) == 1) {
      auto& center = *centers.get(index)->as_table();
      if (value == kDayOnCall)
        to_day_on_call(center, choice->key, out);
      else
        to_all_day(center, hub_centers[index].staff);
    } else if (!schedule && std::sscanf(choice->key.c_str(), "regions[%zu]", &index) == 1) {
      for (std::size_t c = 0; c < hub_centers.size(); ++c)
        if (hub_centers[c].name == value) home[index] = static_cast<int>(c);
      rerouted = true;
    }
    if (!out.error.empty()) return out;
  }
  if (rerouted) {
    std::vector<std::string> region_names;
    for (const auto& r : loaded.scenario.regions) region_names.push_back(r.name);
    route_regions(centers, region_names, home);
  }
  out.overrides.push_back("centers=" + inline_toml(centers));
  return out;
}

std::string inline_toml(const toml::node& node) {
  if (const auto* t = node.as_table()) {
    std::string out = "{";
    bool first = true;
    for (const auto& [key, value] : *t) {
      out += first ? " " : ", ";
      first = false;
      out += bare_key(key.str()) ? std::string(key.str()) : leaf_text(toml::value<std::string>(std::string(key.str())));
      out += " = " + inline_toml(value);
    }
    return out + (first ? "}" : " }");
  }
  if (const auto* a = node.as_array()) {
    std::string out = "[";
    for (std::size_t i = 0; i < a->size(); ++i) out += (i ? ", " : "") + inline_toml(*a->get(i));
    return out + "]";
  }
  return leaf_text(node);
}

}  // namespace kyoten::app
