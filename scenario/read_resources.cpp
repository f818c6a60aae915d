// What the coordinator can arrange besides a short-stay bed: [hub], [stays], [home_support], [elderly_care],
// [experience].
#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "scenario/scenario_defaults.hpp"
#include "scenario/section_helpers.hpp"
#include "scenario/sections.hpp"
#include "sim/time/units.hpp"

namespace kyoten::scenario {
namespace {

using sim::kHoursPerDay;

// start_hours = "all" | [9, 10, 11] | [[9, 17], 20] (an hour, or a [from, to) range that may wrap midnight).
std::array<bool, kHoursPerDay> read_start_hours(TableReader& t) {
  std::array<bool, kHoursPerDay> hours{};
  const auto* node = t.find("start_hours");
  const char* form = "\"all\", a list of hours [9, 10, 11], or ranges [[9, 17]] (from, to; may wrap midnight)";
  if (!node) {
    hours.fill(true);  // assumption: a dispatch can start at any hour unless stated
    return hours;
  }
  const std::string key = t.key_path("start_hours");
  if (const auto* s = node->as_string()) {
    if (s->get() == "all") hours.fill(true);
    else t.error("start_hours", "unknown value \"" + s->get() + "\"", form);
    return hours;
  }
  const auto* array = t.array("start_hours");
  if (!array) return hours;
  if (array->empty()) t.error("start_hours", "must not be empty", form);
  for (std::size_t i = 0; i < array->size(); ++i) {
    const toml::node& element = *array->get(i);
    const std::string element_key = element_path(key, i);
    if (const auto* range = element.as_array()) {
      if (range->size() != 2) {
        t.sink().at(element, element_key, "a range must be [from, to]", form);
        continue;
      }
      const auto from = read_integer(t.sink(), *range->get(0), element_key + "[0]", between(0, 23));
      const auto to = read_integer(t.sink(), *range->get(1), element_key + "[1]", between(0, 24));
      if (!from || !to) continue;
      if (*from == *to) {
        t.sink().at(element, element_key, "the range is empty", "for all hours write \"all\"");
        continue;
      }
      const int end = *to <= *from ? *to + kHoursPerDay : *to;  // to <= from wraps past midnight
      for (int h = *from; h < end; ++h) hours[static_cast<std::size_t>(h % kHoursPerDay)] = true;
    } else if (auto hour = read_integer(t.sink(), element, element_key, between(0, 23))) {
      hours[static_cast<std::size_t>(*hour)] = true;
    }
  }
  return hours;
}

// [experience.approval]: the planning-consultation contract and the coordination meeting before a first stay.
void read_approval(TableReader& experience, hub::HubUseApproval& approval) {
  auto t = experience.table("approval");
  if (!t) return;
  const hub::HubUseApproval d;
  approval.required = true;
  approval.initial_registrants_approved = t->boolean_or("initial_registrants_approved", d.initial_registrants_approved);
  approval.contract_share = t->number("contract_share", probability());
  approval.contract_days =
      distribution_if(*t, "contract_days", approval.contract_share < 1, "contract_share < 1", {});
  // 0 switches one off, so a derived file can turn a monthly meeting into a weekly one.
  const char* form = "every_months = 1 (the first working day of every month), or every_weeks = 2 with weekday "
                     "(and every_months = 0 where a base file set it)";
  approval.every_months = t->integer_or("every_months", 0, limits::whole_up_to(0, 12));
  approval.every_weeks = t->integer_or("every_weeks", 0, limits::whole_up_to(0, 52));
  const bool monthly = approval.every_months > 0, weekly = approval.every_weeks > 0;
  if (monthly && weekly)
    t->error("every_weeks", "the meeting's interval is given twice, in months and in weeks", form);
  else if (!monthly && !weekly && !t->has("every_months") && !t->has("every_weeks"))
    t->missing("every_months", form);
  else if (!monthly && !weekly)
    t->error(t->has("every_weeks") ? "every_weeks" : "every_months", "the meeting never sits (interval 0)", form);
  if (t->has("weekday")) {
    const auto* node = t->find("weekday");
    if (auto name = read_string(t->sink(), *node, t->key_path("weekday"))) {
      constexpr std::array<const char*, 7> kWeekdays = {"monday", "tuesday", "wednesday", "thursday",
                                                        "friday", "saturday", "sunday"};
      const std::vector<std::string> names(kWeekdays.begin(), kWeekdays.end());
      approval.weekday = resolve_name(t->sink(), {*name, node, t->key_path("weekday")}, "weekday", names).value_or(0);
    }
  } else if (weekly) {
    t->missing("weekday", "the meeting's day of the week, \"monday\" … \"sunday\"");
  }
  approval.hour = t->number_or("hour", d.hour, between(0, 23));
  t->finish();
}

}  // namespace

void read_hub(TableReader& root, hub::Hub& hub) {
  const hub::Hub d;
  with_section(root, "hub", false, [&](TableReader& t) {
    hub.rooms = t.integer_or("rooms", d.rooms, limits::up_to(limits::kRooms));
    hub.name = t.string_or("name", d.name);
    hub.fixed_cost_per_year_yen = t.number_or("fixed_cost_per_year_yen", 0, limits::up_to(limits::kYen));
    hub.contact_minutes =
        t.distribution_or("contact_minutes", sim::Distribution(sim::Constant{defaults::kHubContactMinutes}));
    if (t.has("need_days")) hub.need_days = t.distribution("need_days");
    hub.exit_delay_probability = t.uncertain_number_or("exit_delay_probability", 0, probability(),
                                                        field(&hub::Scenario::hub, &hub::Hub::exit_delay_probability));
    hub.exit_delay_days =
        distribution_if(t, "exit_delay_days", hub.exit_delay_probability > 0, "exit_delay_probability > 0", {});
  });
}

void read_stays(TableReader& root, hub::Stays& stays) {
  with_section(root, "stays", false, [&](TableReader& t) {
    stays.emergency_need_days = t.distribution_or(
        "emergency_need_days", sim::Distribution(sim::Uniform{defaults::kEmergencyNeedDaysLow, defaults::kEmergencyNeedDaysHigh}));
    stays.exit_delay_probability = t.uncertain_number_or(
        "exit_delay_probability", 0, probability(), field(&hub::Scenario::stays, &hub::Stays::exit_delay_probability));
    stays.exit_delay_days =
        distribution_if(t, "exit_delay_days", stays.exit_delay_probability > 0, "exit_delay_probability > 0", {});
  });
}

void read_home_support(TableReader& root, hub::HomeSupport& home) {
  with_section(root, "home_support", false, [&](TableReader& t) {
    home.supporters = t.integer_or("supporters", 0, limits::up_to(limits::kSupporters));
    home.can_start = read_start_hours(t);
    home.dispatch_hours = distribution_if(t, "dispatch_hours", home.supporters > 0, "supporters > 0", {});
    home.arrange_minutes = t.distribution_or(
        "arrange_minutes", sim::Distribution(sim::Constant{defaults::kHomeSupportArrangeMinutes}));
    home.cost_per_hour_yen = t.number_or("cost_per_hour_yen", 0, limits::up_to(limits::kYen));
    home.p_care_taxi = t.uncertain_number_or("p_care_taxi", 0, probability(),
                                             field(&hub::Scenario::home_support, &hub::HomeSupport::p_care_taxi));
    home.care_taxi_cost_yen = t.number_or("care_taxi_cost_yen", 0, limits::up_to(limits::kYen));
  });
}

void read_elderly_care(TableReader& root, hub::ElderlyCare& elderly) {
  with_section(root, "elderly_care", false, [&](TableReader& t) {
    elderly.agreement = t.boolean_or("agreement", false);
    if (elderly.agreement && !t.has("p_accept"))
      t.missing("p_accept", "needed because agreement = true; a probability in [0, 1]");
    elderly.p_accept = t.uncertain_number_or("p_accept", 0, probability(),
                                             field(&hub::Scenario::elderly_care, &hub::ElderlyCare::p_accept));
    elderly.contact_minutes = distribution_if(t, "contact_minutes", elderly.agreement, "agreement = true", {});
  });
}

void read_experience(TableReader& root, const std::vector<hub::Facility>& facilities, hub::ExperienceStays& experience) {
  const hub::ExperienceStays d;
  with_section(root, "experience", false, [&](TableReader& t) {
    experience.requests_per_registrant_per_year =
        t.uncertain_number_or("requests_per_registrant_per_year", 0, limits::up_to(limits::kPerRegistrantPerYear),
                              field(&hub::Scenario::experience, &hub::ExperienceStays::requests_per_registrant_per_year));
    const bool wanted = experience.requests_per_registrant_per_year > 0;
    experience.nights = distribution_if(t, "nights", wanted, "requests_per_registrant_per_year > 0", {});
    experience.lead_days = t.number_or("lead_days", d.lead_days, limits::up_to(limits::kDays));
    experience.cost_per_night_yen = t.number_or("cost_per_night_yen", 0, limits::up_to(limits::kYen));
    experience.days_per_person_per_year =
        t.integer_or("days_per_person_per_year", d.days_per_person_per_year, limits::whole_up_to(0, limits::kDaysPerYear));
    experience.rebook_within_days = t.number_or("rebook_within_days", d.rebook_within_days, limits::up_to(limits::kDays));
    read_approval(t, experience.approval);
    const bool offered = std::any_of(facilities.begin(), facilities.end(), [](const auto& f) { return f.experience_stays; });
    if (wanted && !offered && !facilities.empty())
      t.error("requests_per_registrant_per_year", "experience stays are requested but no facility offers them",
              "set experience_stays = true and experience_days_per_year on at least one [[facilities]] entry");
  });
}

}  // namespace kyoten::scenario
