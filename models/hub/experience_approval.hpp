#pragma once
// When the coordination meeting (調整会議) that approves a person's use of the hub next sits (HubUseApproval).
#include "models/hub/scenario.hpp"
#include "sim/time/civil_calendar.hpp"

namespace kyoten::hub {

// The first meeting strictly after `after` (model hours), under the monthly or the weekly rule.
[[nodiscard]] double next_coordination_meeting(const sim::CivilCalendar& calendar, const HubUseApproval& rule,
                                               double after);

}  // namespace kyoten::hub
