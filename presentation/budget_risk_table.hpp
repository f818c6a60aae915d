#pragma once
// The budget-risk table printed after a run's KPI table: per fiscal year and budget line, the budget compared
// (pro-rated when the horizon covers part of the year, and marked so), the mean cost, the 90% range of one
// simulated year's cost, and the probability of overspending with its interval; probable unit errors flagged.
#include <string>

#include "output/summary.hpp"
#include "presentation/terminal_table.hpp"

namespace kyoten::presentation {

// Empty when the scenario states no budget and no revenue.
std::string format_budget_risk(const output::RunSummary& summary, Language language);

// One warning line per budget line flagged as a probable unit error (for validate and run); empty if none.
std::string unit_error_warnings(const output::BudgetView& view);

}  // namespace kyoten::presentation
