#pragma once
// When the case workers' office can take a hand-over: the first open instant at or after a time, if it comes
// soon enough. Kept apart from the coordinators so the rule is testable against a calendar by hand.
#include <optional>

#include "models/hub/scenario.hpp"
#include "sim/time/civil_calendar.hpp"

namespace kyoten::hub {

// The first instant at or after t at which the office is open, or nullopt when it does not open within
// `office.max_wait_hours` of t.
[[nodiscard]] std::optional<double> handover_opening(const sim::CivilCalendar& calendar,
                                                     const HandoverOffice& office, double t);

}  // namespace kyoten::hub
