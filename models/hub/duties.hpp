#pragma once
// The kinds of work a coordinator does. Utilisation and overtime are reported by duty, so a planner sees what
// the staff hours go on.
#include <array>
#include <cstdint>

namespace kyoten::hub {

enum class Duty : std::uint8_t {
  Inquiry,     // a call that needs advice only
  Emergency,   // emergency coordination: the search for a bed or help, and the fallbacks
  Assessment,  // assessing a registrant (first or re-assessment)
};
inline constexpr int kDuties = 3;
inline constexpr std::array<const char*, kDuties> kDutyKeys = {"inquiry", "emergency", "assessment"};

}  // namespace kyoten::hub
