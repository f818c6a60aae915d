#pragma once
// Plans that change at dates inside one run. A scenario file may list [[changes]], each with the date it takes
// effect (`from`), a `reason`, and the keys that change, written as in the scenario itself:
//   [[changes]]
//   from = 2024-04-01
//   reason = "staff strengthened"
//   [[changes.centers]]
//   name = "緊急時バックアップセンター"
//   staff = [ ... ]
// Each change is merged over the plan in force before it as `base` is merged: [tables] key by key, other values
// replaced whole, except that an array of tables is matched element by element, by `name` (centers,
// facilities) or by fiscal year and line (budget lines): a matched entry merges, a new name joins, and a
// facility leaves with `leaves = true`. Regions, the horizon, the registration path and meta cannot change
// (refused with the reason); nor can a center's regions or a facility's region, and no center can join.
// Every plan is then read and validated like a whole scenario; an error that only a change causes says which.
#include <functional>
#include <optional>
#include <toml++/toml.h>

#include "models/hub/scenario.hpp"
#include "scenario/error_sink.hpp"

namespace kyoten::scenario {

// The same scenario read afresh (bases resolved, --set applied). Each plan is built from a fresh reading
// because toml++ drops the file position of a copied node, and errors must point into the file.
using ReadAgain = std::function<std::optional<toml::table>()>;

// The plan in force from the start with its dated changes (hub::Scenario::changes), every problem recorded in
// `sink`. `root` keeps its `changes` (it is what results record as the resolved scenario).
hub::Scenario read_scenario_with_changes(const toml::table& root, const ReadAgain& read_again, ErrorSink& sink);

// Merges one change (without `from` and `reason`) over the plan before it, by the rules above.
void apply_change(toml::table& plan, toml::table&& change);

}  // namespace kyoten::scenario
