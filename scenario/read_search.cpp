// [search]: how the coordinator looks for a bed, what is tried, in order, when none is found, and the
// escalation rules ([[search.rules]]) that change this by time band, need and person.
#include <algorithm>
#include <set>

#include "scenario/did_you_mean.hpp"
#include "scenario/section_helpers.hpp"
#include "scenario/sections.hpp"

namespace kyoten::scenario {
namespace {

const std::vector<std::string> kFallbackNames(hub::kFallbackKeys.begin(), hub::kFallbackKeys.end());
const std::vector<std::string> kBandNames(hub::kTimeBandKeys.begin(), hub::kTimeBandKeys.end());
const std::vector<std::string> kNeedNames(hub::kNeedKeys.begin(), hub::kNeedKeys.end());
const std::vector<std::string> kPeopleNames = {"medical_care", "behavioural", "children"};

// Why a fallback cannot be used in this scenario ("" when it can).
std::string unavailable(const hub::Scenario& s, hub::Fallback f) {
  if (const auto kind = hub::place_kind_of(f)) {
    for (const auto& p : s.emergency_places)
      if (p.kind == *kind) return "";
    const std::string name = hub::kPlaceKindKeys[static_cast<int>(*kind)];
    return name + " needs an [[emergency_places]] entry with kind = \"" + name + "\"";
  }
  switch (f) {
    case hub::Fallback::HubRoom: return s.hub.rooms > 0 ? "" : "hub_room needs [hub] rooms > 0";
    case hub::Fallback::HomeHelp:
      return s.home_support.supporters > 0 ? "" : "home_help needs [home_support] supporters > 0";
    default: return "";
  }
}

// The ordered fallbacks at `t.key`: each a known name, listed once, available in this scenario.
std::vector<hub::Fallback> read_fallbacks(TableReader& t, const hub::Scenario& s) {
  std::vector<hub::Fallback> fallbacks;
  std::set<int> named;
  for (const auto& item : t.string_list("fallbacks", false)) {
    const auto it = std::find(kFallbackNames.begin(), kFallbackNames.end(), item.text);
    if (it == kFallbackNames.end()) {
      t.sink().at(*item.node, item.key, "unknown fallback '" + item.text + "'", suggestion_hint(item.text, kFallbackNames));
      continue;
    }
    const auto f = static_cast<hub::Fallback>(it - kFallbackNames.begin());
    if (!named.insert(static_cast<int>(f)).second) {
      t.sink().at(*item.node, item.key, "fallback '" + item.text + "' is listed twice", "list each fallback once");
    } else if (const auto why = unavailable(s, f); !why.empty()) {
      t.sink().at(*item.node, item.key, "fallback '" + item.text + "' is not available: " + why,
                  "remove it or add what it needs");
    } else {
      fallbacks.push_back(f);
    }
  }
  return fallbacks;
}

// A list of names from `allowed` at `key`, as flags; absent = every one (or none, for `people`).
template <std::size_t N>
std::optional<std::array<bool, N>> read_choice(TableReader& t, std::string_view key, const std::vector<std::string>& allowed,
                                               std::string_view what) {
  if (!t.has(key)) return std::nullopt;
  std::array<bool, N> chosen{};
  const auto items = t.string_list(key, false);
  if (items.empty() && t.array(key)) {
    t.error(key, "must not be empty", "leave '" + std::string(key) + "' out to mean every " + std::string(what) +
                                          "; allowed: " + join_names(allowed));
  }
  for (const auto& item : items) {
    if (const auto i = resolve_name(t.sink(), item, what, allowed)) {
      if (chosen[static_cast<std::size_t>(*i)])
        t.sink().at(*item.node, item.key, std::string(what) + " '" + item.text + "' is listed twice", "list each once");
      chosen[static_cast<std::size_t>(*i)] = true;
    }
  }
  return chosen;
}

template <std::size_t N>
bool subset(const std::array<bool, N>& a, const std::array<bool, N>& b) {
  for (std::size_t i = 0; i < N; ++i)
    if (a[i] && !b[i]) return false;
  return true;
}

// Every case rule `later` matches is matched by `earlier` (so `later` never applies: the first match wins).
bool covers(const hub::SearchRule& earlier, const hub::SearchRule& later) {
  const auto people = [](const hub::PeopleFilter& p) { return std::array<bool, 3>{p.medical_care, p.behavioural, p.children}; };
  const bool people_covered =
      earlier.people.everyone() || (!later.people.everyone() && subset(people(later.people), people(earlier.people)));
  return subset(later.bands, earlier.bands) && subset(later.needs, earlier.needs) && people_covered;
}

void read_rules(TableReader& search_table, const hub::Scenario& s, hub::Search& search) {
  std::vector<std::string> facility_names;
  for (const auto& f : s.facilities) facility_names.push_back(f.name);
  std::vector<const toml::node*> rule_nodes;
  const auto* entries = search_table.each_table("rules", false, [&](TableReader& t, std::size_t i) {
    hub::SearchRule rule;
    rule.name = t.string_or("name", "rule " + std::to_string(i + 1));
    if (const auto bands = read_choice<hub::kTimeBands>(t, "bands", kBandNames, "band")) rule.bands = *bands;
    if (const auto needs = read_choice<hub::kNeeds>(t, "needs", kNeedNames, "need")) rule.needs = *needs;
    if (const auto people = read_choice<3>(t, "people", kPeopleNames, "kind of person"))
      rule.people = {(*people)[0], (*people)[1], (*people)[2]};
    // What the rule changes; what it leaves out is [search]'s.
    const bool changes = t.has("max_contacts") || t.has("max_search_hours") || t.has("fallbacks") || t.has("only_facilities");
    rule.max_contacts = t.integer_or("max_contacts", search.max_contacts, limits::whole_up_to(0, limits::kContacts));
    rule.max_search_hours =
        t.number_or("max_search_hours", search.max_search_hours, limits::positive_up_to(limits::kHours));
    rule.fallbacks = t.has("fallbacks") ? read_fallbacks(t, s) : search.fallbacks;
    if (t.has("only_facilities")) {
      const auto items = t.string_list("only_facilities", true);
      rule.facilities.assign(s.facilities.size(), false);
      for (const auto& item : items)
        if (const auto f = resolve_name(t.sink(), item, "facility", facility_names))
          rule.facilities[static_cast<std::size_t>(*f)] = true;
    }
    if (!changes)
      t.sink().at(t.primary(), t.path(), "the rule '" + rule.name + "' changes nothing",
                  "give at least one of max_contacts, max_search_hours, fallbacks, only_facilities");
    search.rules.push_back(std::move(rule));
  });
  if (!entries) return;
  // A rule after one that matches every case it matches would never apply.
  const std::string base = search_table.key_path("rules");
  for (std::size_t j = 0; j < search.rules.size() && j < entries->size(); ++j) {
    for (std::size_t i = 0; i < j; ++i) {
      if (!covers(search.rules[i], search.rules[j])) continue;
      search_table.sink().at(*entries->get(j), element_path(base, j),
                             "the rule '" + search.rules[j].name + "' never applies: the rule '" +
                                 search.rules[i].name + "' before it matches every case it matches (the first match wins)",
                             "put the narrower rule first, or narrow it with bands, needs or people");
      break;
    }
  }
}

}  // namespace

void read_search(TableReader& root, const hub::Scenario& s, hub::Search& search) {
  const hub::Search d;
  with_section(root, "search", false, [&](TableReader& t) {
    search.max_contacts = t.integer_or("max_contacts", d.max_contacts, limits::whole_up_to(1, limits::kContacts));
    search.max_search_hours = t.number_or("max_search_hours", d.max_search_hours, limits::positive_up_to(limits::kHours));
    search.prefer_known = t.boolean_or("prefer_known", d.prefer_known);
    search.prefer_same_region = t.boolean_or("prefer_same_region", d.prefer_same_region);
    if (t.has("fallbacks")) {
      search.fallbacks = read_fallbacks(t, s);
    } else {
      // Default: every fallback the scenario has, in the order hub room, home help, the emergency places by
      // kind, hand-over.
      for (int i = 0; i < hub::kFallbacks; ++i)
        if (const auto f = static_cast<hub::Fallback>(i); unavailable(s, f).empty()) search.fallbacks.push_back(f);
    }
    read_rules(t, s, search);
  });
}

}  // namespace kyoten::scenario
