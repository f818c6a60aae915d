#pragma once
// The terminal table `kyoten run` prints for each dated surge's window (figures as output/surge_report
// summarises them).
#include <string>

#include "models/hub/scenario.hpp"
#include "output/summary.hpp"
#include "presentation/terminal_table.hpp"

namespace kyoten::presentation {

// Empty when the scenario has no surges.
std::string format_surge_table(const hub::Scenario& scenario, const output::RunSummary& summary, Language language);

}  // namespace kyoten::presentation
