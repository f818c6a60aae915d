#include "models/hub/search_rules.hpp"

namespace kyoten::hub {

bool rule_applies(const SearchRule& rule, TimeBand band, Need need, const Registrant& person) {
  if (!rule.bands[static_cast<int>(band)] || !rule.needs[static_cast<int>(need)]) return false;
  const PeopleFilter& p = rule.people;
  return p.everyone() || (p.medical_care && person.medical_care) || (p.behavioural && person.behavioural) ||
         (p.children && person.child);
}

int matching_rule(const Search& search, TimeBand band, Need need, const Registrant& person) {
  for (std::size_t i = 0; i < search.rules.size(); ++i)
    if (rule_applies(search.rules[i], band, need, person)) return static_cast<int>(i);
  return -1;
}

}  // namespace kyoten::hub
