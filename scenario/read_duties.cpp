// [duties]: the duty catalogue — planned staff work beyond calls, emergencies and assessments.
#include "scenario/sections.hpp"

namespace kyoten::scenario {
namespace {

// Reads [duties.<key>] (hours, visit, interruptible) and lets `extra` read the duty's own keys.
template <class Extra>
void read_duty(TableReader& duties, std::string_view key, hub::DutyWork& work, Extra&& extra) {
  const hub::DutyWork defaults;
  with_section(duties, key, false, [&](TableReader& t) {
    work.hours = t.distribution_or("hours", defaults.hours);
    work.visit = t.boolean_or("visit", work.visit);
    work.interruptible = t.boolean_or("interruptible", work.interruptible);
    if (work.visit && work.interruptible) {
      t.error("interruptible", "a visit cannot be interrupted by a call", "set visit = false or interruptible = false");
    }
    extra(t);
  });
}

}  // namespace

void read_duties(TableReader& root, hub::Duties& duties) {
  const hub::Duties defaults;
  with_section(root, "duties", false, [&](TableReader& t) {
    read_duty(t, "intake", duties.intake, [](TableReader&) {});
    read_duty(t, "liaison", duties.liaison, [](TableReader&) {});
    read_duty(t, "follow_up", duties.follow_up, [&](TableReader& d) {
      duties.follow_up_after_days = d.number_or("after_days", defaults.follow_up_after_days, limits::up_to(limits::kDays));
    });
    duties.escort.visit = true;  // the coordinator goes with the person to the facility
    read_duty(t, "escort", duties.escort, [&](TableReader& d) {
      duties.escort_share = d.number_or("share", defaults.escort_share, probability());
    });
    read_duty(t, "advance_plan", duties.advance_plan, [&](TableReader& d) {
      duties.advance_plan_share = d.number_or("share", defaults.advance_plan_share, probability());
      if (duties.advance_plan_share > 0 && !d.has("hours"))
        d.missing("hours", "needed because share > 0 (a plan takes coordinator time); a distribution, e.g. "
                           "{ dist = \"lognormal\", mean = 2, sd = 1 }");
    });
    with_section(t, "reassessment", false, [&](TableReader& d) {
      if (d.has("visit_hours")) duties.reassessment_visit_hours = d.distribution("visit_hours");
      if (d.has("staff_hours")) duties.reassessment_staff_hours = d.distribution("staff_hours");
    });
    read_duty(t, "meeting", duties.meeting, [&](TableReader& d) {
      duties.meeting_every_months = d.integer_or("every_months", defaults.meeting_every_months, limits::whole_up_to(0, 12));
      duties.meeting_start_hour = d.integer_or("start_hour", defaults.meeting_start_hour, limits::whole_up_to(0, 23));
      duties.meeting_attendees =
          d.integer_or("attendees", defaults.meeting_attendees, limits::whole_up_to(1, limits::kStaffPerShift));
    });
  });
}

}  // namespace kyoten::scenario
