#pragma once
// Staffing written as shifts — { days = "weekdays", from = 9, to = 17, count = 2 } — turned into the model's
// hour-of-week array (168 hours from Monday 00:00) plus the 24 hours of a public holiday.
//  * A shift covers [from, to). When to <= from it runs past midnight: [from, 24) on each of its days and
//    [0, to) on the following day (Sunday's night runs into Monday).
//  * A public holiday is staffed by the shifts whose days include "holiday" (or "weekend" / "all"), whatever
//    weekday it falls on; such a wrapping shift covers both the holiday's evening and its early morning, as
//    the night before a holiday is assumed to be staffed like the holiday's own night.
//  * Overlapping shifts add up.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/hub/scenario.hpp"

namespace kyoten::scenario {

struct DaySet {
  std::array<bool, 7> weekday{};  // 0 = Monday … 6 = Sunday
  bool holiday = false;
  DaySet& operator|=(const DaySet& other);
};

// "weekdays", "saturday", "sunday", "holiday", "weekend" (Saturday, Sunday and holidays), "all", or a single
// weekday ("monday" … "sunday"). nullopt for anything else.
[[nodiscard]] std::optional<DaySet> parse_day_set(std::string_view name);
[[nodiscard]] std::vector<std::string> day_set_names();

struct Shift {
  DaySet days;
  int from_hour = 0;  // 0–23
  int to_hour = 24;   // 0–24; <= from_hour wraps past midnight
  int count = 1;      // staff on duty during the shift
};

[[nodiscard]] hub::StaffSchedule schedule_from_shifts(const std::vector<Shift>& shifts);

// The hours with nobody on duty, e.g. "Sat 00–09, 17–24; holiday 00–24"; empty when every hour is staffed.
[[nodiscard]] std::string describe_uncovered_hours(const hub::StaffSchedule& schedule);

}  // namespace kyoten::scenario
