#pragma once
// Which escalation rule ([[search.rules]]) shapes an emergency's search: the first whose bands, needs and
// people all match; none, and [search]'s own values apply.
#include "models/hub/registrant.hpp"
#include "models/hub/scenario.hpp"

namespace kyoten::hub {

// True if `rule` is for an emergency of need `need`, from `person`, whose search starts in `band`.
[[nodiscard]] bool rule_applies(const SearchRule& rule, TimeBand band, Need need, const Registrant& person);

// The index in search.rules of the first rule that applies, or -1 when none does.
[[nodiscard]] int matching_rule(const Search& search, TimeBand band, Need need, const Registrant& person);

}  // namespace kyoten::hub
