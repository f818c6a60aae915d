// [[centers]]: who answers calls, when (shifts → hour-of-week schedule), for which regions, and who takes
// over when they cannot. Rules: every region where people register (registrant_weight > 0) is served by
// exactly one center, its calls' first stop; centers share load through `overflow`; a center serving no region
// (a back-up line) must be named in some center's overflow.
#include <algorithm>
#include <set>

#include "scenario/did_you_mean.hpp"
#include "scenario/scenario_defaults.hpp"
#include "scenario/section_helpers.hpp"
#include "scenario/sections.hpp"
#include "scenario/staff_schedule.hpp"

namespace kyoten::scenario {
namespace {

const char* kShiftForm = "e.g. { days = \"weekdays\", from = 9, to = 17, count = 2 }";

// days = "weekdays" or days = ["saturday", "sunday"]; nullopt after an error.
std::optional<DaySet> read_days(TableReader& shift) {
  const auto* node = shift.find("days");
  if (!node) {
    shift.missing("days", "one of " + join_names(day_set_names()) + ", or an array of them");
    return std::nullopt;
  }
  std::vector<TableReader::ListItem> names;
  if (node->is_string()) {
    names.push_back({node->as_string()->get(), node, shift.key_path("days")});
  } else if (node->is_array()) {
    names = shift.string_list("days", true);
  } else {
    shift.error("days", "must be a day name or an array of them, got " + type_name(*node),
                "one of " + join_names(day_set_names()));
    return std::nullopt;
  }
  DaySet days;
  bool ok = !names.empty();
  for (const auto& item : names) {
    if (auto set = parse_day_set(item.text)) {
      days |= *set;
    } else {
      shift.sink().at(*item.node, item.key, "unknown days '" + item.text + "'", suggestion_hint(item.text, day_set_names()));
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return days;
}

}  // namespace

std::vector<Shift> read_shifts(TableReader& owner, std::string_view key, bool required, int max_count,
                               const char* owner_noun) {
  std::vector<Shift> shifts;
  const auto* entries = owner.each_table(key, required, [&](TableReader& t, std::size_t) {
    const auto days = read_days(t);
    Shift shift;
    shift.from_hour = t.integer("from", between(0, 23));
    shift.to_hour = t.integer("to", between(0, 24));
    shift.count = t.integer_or("count", defaults::kShiftStaff, limits::whole_up_to(1, max_count));
    if (t.has("from") && t.has("to") && shift.from_hour == shift.to_hour)
      t.error("to", "a shift from " + std::to_string(shift.from_hour) + " to " + std::to_string(shift.to_hour) +
                        " is empty",
              "for a whole day write from = 0, to = 24; " + std::string(kShiftForm));
    if (days) {
      shift.days = *days;
      shifts.push_back(shift);
    }
  });
  // Bounded so that the staff on duty in one hour, summed over shifts, cannot overflow.
  if (entries && entries->size() > static_cast<std::size_t>(limits::kShiftsPerCenter))
    owner.error(key, std::to_string(entries->size()) + " shifts; at most " +
                         std::to_string(limits::kShiftsPerCenter) + " per " + owner_noun,
                "merge shifts with the same hours and days by raising their count");
  return shifts;
}

namespace {

struct PendingOverflow {
  std::vector<TableReader::ListItem> names;
};

}  // namespace

void read_centers(TableReader& root, const std::vector<hub::Region>& regions, std::vector<hub::Center>& centers) {
  std::vector<std::string> region_names;
  for (const auto& r : regions) region_names.push_back(r.name);
  std::vector<PendingOverflow> overflow;
  std::vector<std::vector<TableReader::ListItem>> served;  // region names as written, per center
  std::set<std::string> seen;
  const hub::Center defaults;

  root.each_table("centers", true, [&](TableReader& t, std::size_t) {
    hub::Center center;
    center.name = t.string("name");
    if (!center.name.empty() && !seen.insert(center.name).second)
      t.error("name", "center '" + center.name + "' is listed twice", "center names must be unique");
    served.push_back(t.string_list("regions", false));
    for (const auto& item : served.back())
      if (auto index = resolve_name(t.sink(), item, "region", region_names)) center.regions.push_back(*index);

    const std::size_t errors_before = t.sink().size();
    const auto shifts = read_shifts(t, "staff", true, limits::kStaffPerShift, "center");
    center.staff = schedule_from_shifts(shifts);
    center.on_call_delay_hours = t.optional_number("on_call_delay_hours", limits::up_to(limits::kHours));
    overflow.push_back({t.string_list("overflow", false)});
    center.min_at_phones = t.integer_or("min_at_phones", defaults.min_at_phones, limits::up_to(limits::kStaffPerShift));
    const std::string policy = t.string_or("uncovered_hours", "error");
    if (policy != "error" && policy != "wait")
      t.error("uncovered_hours", "must be \"wait\" or \"error\", got \"" + policy + "\"",
              "\"wait\": calls in unstaffed hours wait for the next staffed hour");
    // A call in an hour with nobody on duty must go somewhere, unless the planner says it waits.
    // Checked only when the shifts and the policy were read cleanly (a bad shift would show as a gap).
    const bool clean = t.sink().size() == errors_before;
    const std::string uncovered = describe_uncovered_hours(center.staff);
    if (clean && !shifts.empty() && !uncovered.empty() && !center.on_call_delay_hours && overflow.back().names.empty() &&
        policy != "wait")
      t.error("staff", "hours uncovered: " + uncovered,
              "add shifts, set on_call_delay_hours, name an overflow center, or write uncovered_hours = \"wait\" "
              "if calls then wait for the next staffed hour");

    center.staff_cost_per_hour_yen = t.number("staff_cost_per_hour_yen", limits::up_to(limits::kYen));
    center.night_premium = t.number_or("night_premium", defaults.night_premium, limits::up_to(limits::kPremium));
    center.holiday_premium = t.number_or("holiday_premium", defaults.holiday_premium, limits::up_to(limits::kPremium));
    center.overtime_premium = t.number_or("overtime_premium", defaults.overtime_premium, limits::up_to(limits::kPremium));
    center.call_out_fee_yen = t.number_or("call_out_fee_yen", 0, limits::up_to(limits::kYen));
    center.fixed_cost_per_year_yen = t.number_or("fixed_cost_per_year_yen", 0, limits::up_to(limits::kYen));
    center.on_call_cost_per_hour_yen = t.number_or("on_call_cost_per_hour_yen", 0, limits::up_to(limits::kYen));
    centers.push_back(std::move(center));
  });

  std::vector<std::string> center_names;
  for (const auto& c : centers) center_names.push_back(c.name);
  for (std::size_t c = 0; c < centers.size() && c < overflow.size(); ++c) {
    std::set<int> named;
    for (const auto& item : overflow[c].names) {
      const auto index = resolve_name(root.sink(), item, "center", center_names);
      if (!index) continue;
      if (static_cast<std::size_t>(*index) == c)
        root.sink().at(*item.node, item.key, "a center cannot overflow to itself", "name another center");
      else if (!named.insert(*index).second)
        root.sink().at(*item.node, item.key, "center '" + item.text + "' is named twice", "name each center once");
      else
        centers[c].overflow.push_back(*index);
    }
  }

  std::vector<bool> is_overflow_target(centers.size(), false);
  for (const auto& c : centers)
    for (int o : c.overflow) is_overflow_target[static_cast<std::size_t>(o)] = true;
  for (std::size_t c = 0; c < centers.size() && c < served.size(); ++c)
    if (served[c].empty() && !is_overflow_target[c])
      root.sink().at(*root.find("centers")->as_array()->get(c), "centers[" + std::to_string(c) + "].regions",
                     "center '" + centers[c].name + "' serves no region and no center overflows to it",
                     "list its regions = [\"...\"], or name it in another center's overflow");

  // Every region where people register has exactly one home center.
  if (centers.empty() || centers.size() != served.size()) return;
  std::vector<int> home(regions.size(), -1);
  for (std::size_t c = 0; c < served.size(); ++c) {
    for (const auto& item : served[c]) {
      const auto it = std::find(region_names.begin(), region_names.end(), item.text);
      if (it == region_names.end()) continue;
      const auto r = static_cast<std::size_t>(it - region_names.begin());
      if (home[r] >= 0)
        root.sink().at(*item.node, item.key,
                       "region '" + item.text + "' is already served by center '" +
                           centers[static_cast<std::size_t>(home[r])].name + "'",
                       "each region is served by exactly one center; share work between centers with overflow");
      else
        home[r] = static_cast<int>(c);
    }
  }
  const auto* region_array = root.find("regions") ? root.find("regions")->as_array() : nullptr;
  for (std::size_t r = 0; r < regions.size(); ++r) {
    if (home[r] >= 0 || regions[r].registrant_weight <= 0) continue;
    const toml::node* where = region_array && r < region_array->size() ? region_array->get(r) : &root.primary();
    root.sink().at(*where, "regions[" + std::to_string(r) + "].name",
                   "region '" + regions[r].name + "' is served by no center",
                   "add it to the regions of one [[centers]] entry");
  }
}

}  // namespace kyoten::scenario
