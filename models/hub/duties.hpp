#pragma once
// The kinds of work a coordinator does. Utilisation and overtime are reported by duty, so a planner sees what
// the staff hours go on. How long each planned duty takes, and whether it is a visit or desk work a call may
// interrupt, is the scenario's duty catalogue (Scenario::duties, struct DutyWork).
#include <array>
#include <cstdint>

namespace kyoten::hub {

enum class Duty : std::uint8_t {
  Inquiry,     // a call that needs advice only
  Emergency,   // emergency coordination: the search for a bed or help, and the fallbacks
  Assessment,  // assessing a registrant (first or re-assessment): a home visit and its write-up
  Intake,      // registration intake (面談) with a new registrant
  Escort,      // escorting a person in an emergency to the facility (付添)
  FollowUp,    // a follow-up contact after an emergency stay has started
  Liaison,     // liaison with case workers and consultation agencies about an emergency case
  Meeting,     // the liaison meeting (連絡会), held by the center as its secretariat
  AdvancePlan, // drafting an advance plan for emergencies (安心支援プラン) with a registrant after an assessment
};
inline constexpr int kDuties = 9;
inline constexpr std::array<const char*, kDuties> kDutyKeys = {
    "inquiry", "emergency", "assessment", "intake", "escort", "follow_up", "liaison", "meeting", "advance_plan"};

}  // namespace kyoten::hub
