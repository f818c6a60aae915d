#include "scenario/staff_schedule.hpp"

#include <cstdio>

namespace kyoten::scenario {
namespace {

using sim::kDaysPerWeek;
using sim::kHoursPerDay;
constexpr std::array<const char*, kDaysPerWeek> kDayNames = {"monday", "tuesday",  "wednesday", "thursday",
                                                             "friday", "saturday", "sunday"};
constexpr std::array<const char*, kDaysPerWeek> kDayShort = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

// Adds `count` to hours [from, to) of one day's 24 entries.
template <class Hours>
void add_hours(Hours& hours, int offset, int from, int to, int count) {
  for (int h = from; h < to; ++h) hours[static_cast<std::size_t>(offset + h)] += count;
}

// "00–09, 17–24" for the hours of one day whose staff count is zero; empty if none.
template <class Hours>
std::string uncovered_ranges(const Hours& hours, int offset) {
  std::string out;
  for (int h = 0; h < kHoursPerDay;) {
    if (hours[static_cast<std::size_t>(offset + h)] > 0) {
      ++h;
      continue;
    }
    int end = h;
    while (end < kHoursPerDay && hours[static_cast<std::size_t>(offset + end)] <= 0) ++end;
    char range[32];
    std::snprintf(range, sizeof range, "%02d–%02d", h, end);
    out += (out.empty() ? "" : ", ") + std::string(range);
    h = end;
  }
  return out;
}

}  // namespace

DaySet& DaySet::operator|=(const DaySet& other) {
  for (int d = 0; d < kDaysPerWeek; ++d) weekday[static_cast<std::size_t>(d)] |= other.weekday[static_cast<std::size_t>(d)];
  holiday |= other.holiday;
  return *this;
}

std::optional<DaySet> parse_day_set(std::string_view name) {
  DaySet set;
  if (name == "weekdays") {
    for (int d = 0; d < 5; ++d) set.weekday[static_cast<std::size_t>(d)] = true;
  } else if (name == "weekend") {
    set.weekday[5] = set.weekday[6] = set.holiday = true;
  } else if (name == "all") {
    set.weekday.fill(true);
    set.holiday = true;
  } else if (name == "holiday") {
    set.holiday = true;
  } else {
    bool found = false;
    for (int d = 0; d < kDaysPerWeek; ++d)
      if (name == kDayNames[static_cast<std::size_t>(d)]) set.weekday[static_cast<std::size_t>(d)] = found = true;
    if (!found) return std::nullopt;
  }
  return set;
}

std::vector<std::string> day_set_names() {
  std::vector<std::string> names = {"weekdays", "saturday", "sunday", "holiday", "weekend", "all"};
  for (int d = 0; d < 5; ++d) names.emplace_back(kDayNames[static_cast<std::size_t>(d)]);
  return names;
}

hub::StaffSchedule schedule_from_shifts(const std::vector<Shift>& shifts) {
  hub::StaffSchedule schedule;
  for (const auto& s : shifts) {
    const bool wraps = s.to_hour <= s.from_hour;
    for (int d = 0; d < kDaysPerWeek; ++d) {
      if (!s.days.weekday[static_cast<std::size_t>(d)]) continue;
      if (!wraps) {
        add_hours(schedule.hour_of_week, d * kHoursPerDay, s.from_hour, s.to_hour, s.count);
      } else {
        add_hours(schedule.hour_of_week, d * kHoursPerDay, s.from_hour, kHoursPerDay, s.count);
        add_hours(schedule.hour_of_week, ((d + 1) % kDaysPerWeek) * kHoursPerDay, 0, s.to_hour, s.count);
      }
    }
    if (s.days.holiday) {
      if (!wraps) {
        add_hours(schedule.holiday, 0, s.from_hour, s.to_hour, s.count);
      } else {
        add_hours(schedule.holiday, 0, s.from_hour, kHoursPerDay, s.count);
        add_hours(schedule.holiday, 0, 0, s.to_hour, s.count);
      }
    }
  }
  return schedule;
}

std::string describe_uncovered_hours(const hub::StaffSchedule& schedule) {
  std::string out;
  const auto append = [&](const std::string& day, const std::string& ranges) {
    if (!ranges.empty()) out += (out.empty() ? "" : "; ") + day + " " + ranges;
  };
  for (int d = 0; d < kDaysPerWeek; ++d)
    append(kDayShort[static_cast<std::size_t>(d)], uncovered_ranges(schedule.hour_of_week, d * kHoursPerDay));
  append("holiday", uncovered_ranges(schedule.holiday, 0));
  return out;
}

}  // namespace kyoten::scenario
