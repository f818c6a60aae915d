// [search]: how the coordinator looks for a bed, and what is tried, in order, when none is found.
#include <set>

#include "scenario/did_you_mean.hpp"
#include "scenario/sections.hpp"

namespace kyoten::scenario {
namespace {

std::optional<hub::Fallback> parse_fallback(std::string_view name) {
  if (name == "hub_room") return hub::Fallback::HubRoom;
  if (name == "home_help") return hub::Fallback::HomeHelp;
  if (name == "elderly_care") return hub::Fallback::ElderlyCare;
  if (name == "hand_over") return hub::Fallback::HandOver;
  return std::nullopt;
}

const std::vector<std::string> kFallbackNames = {"hub_room", "home_help", "elderly_care", "hand_over"};

}  // namespace

void read_search(TableReader& root, const hub::Scenario& s, hub::Search& search) {
  const hub::Search d;
  // What each fallback needs, so that a fallback naming something the scenario lacks is caught here.
  const auto available = [&](hub::Fallback f) -> std::string {
    switch (f) {
      case hub::Fallback::HubRoom: return s.hub.rooms > 0 ? "" : "hub_room needs [hub] rooms > 0";
      case hub::Fallback::HomeHelp: return s.home_support.supporters > 0 ? "" : "home_help needs [home_support] supporters > 0";
      case hub::Fallback::ElderlyCare: return s.elderly_care.agreement ? "" : "elderly_care needs [elderly_care] agreement = true";
      case hub::Fallback::HandOver: return "";
    }
    return "";
  };
  with_section(root, "search", false, [&](TableReader& t) {
    search.max_contacts = t.integer_or("max_contacts", d.max_contacts, limits::whole_up_to(1, limits::kContacts));
    search.max_search_hours = t.number_or("max_search_hours", d.max_search_hours, limits::positive_up_to(limits::kHours));
    search.prefer_known = t.boolean_or("prefer_known", d.prefer_known);
    search.prefer_same_region = t.boolean_or("prefer_same_region", d.prefer_same_region);
    if (!t.has("fallbacks")) {
      // Default: every fallback the scenario has, in the order hub room, home help, elderly care, hand-over.
      for (const auto& name : kFallbackNames)
        if (auto f = parse_fallback(name); f && available(*f).empty()) search.fallbacks.push_back(*f);
      return;
    }
    std::set<hub::Fallback> named;
    for (const auto& item : t.string_list("fallbacks", false)) {
      const auto f = parse_fallback(item.text);
      if (!f) {
        t.sink().at(*item.node, item.key, "unknown fallback '" + item.text + "'", suggestion_hint(item.text, kFallbackNames));
      } else if (!named.insert(*f).second) {
        t.sink().at(*item.node, item.key, "fallback '" + item.text + "' is listed twice", "list each fallback once");
      } else if (const auto why = available(*f); !why.empty()) {
        t.sink().at(*item.node, item.key, "fallback '" + item.text + "' is not available: " + why,
                    "remove it or add what it needs");
      } else {
        search.fallbacks.push_back(*f);
      }
    }
  });
}

}  // namespace kyoten::scenario
