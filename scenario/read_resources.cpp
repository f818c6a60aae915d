// What the coordinator can arrange besides a short-stay bed: [hub], [stays], [home_support],
// [[emergency_places]], [experience].
#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "scenario/did_you_mean.hpp"
#include "scenario/scenario_defaults.hpp"
#include "scenario/section_helpers.hpp"
#include "scenario/sections.hpp"

namespace kyoten::scenario {
namespace {

using sim::kHoursPerDay;

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
    home.can_start = read_hours_of_day(t, "start_hours");
    home.dispatch_hours = distribution_if(t, "dispatch_hours", home.supporters > 0, "supporters > 0", {});
    home.arrange_minutes = t.distribution_or(
        "arrange_minutes", sim::Distribution(sim::Constant{defaults::kHomeSupportArrangeMinutes}));
    home.cost_per_hour_yen = t.number_or("cost_per_hour_yen", 0, limits::up_to(limits::kYen));
    home.p_care_taxi = t.uncertain_number_or("p_care_taxi", 0, probability(),
                                             field(&hub::Scenario::home_support, &hub::HomeSupport::p_care_taxi));
    home.care_taxi_cost_yen = t.number_or("care_taxi_cost_yen", 0, limits::up_to(limits::kYen));
  });
}

void read_emergency_places(TableReader& root, hub::Scenario& s) {
  if (root.has("elderly_care"))
    root.error("elderly_care", "[elderly_care] is now an [[emergency_places]] entry of kind \"elderly_care\"",
               "write [[emergency_places]] with name, kind = \"elderly_care\", places, p_accept, contact_minutes "
               "(and stay_days, cost_per_day_yen if known); the fallback keeps its name \"elderly_care\"");
  const std::vector<std::string> kinds(hub::kPlaceKindKeys.begin(), hub::kPlaceKindKeys.end());
  std::vector<std::string> names;
  root.each_table("emergency_places", false, [&](TableReader& t, std::size_t i) {
    hub::EmergencyPlace p;
    p.name = t.string("name");
    if (std::find(names.begin(), names.end(), p.name) != names.end())
      t.error("name", "emergency place '" + p.name + "' is listed twice", "give each place its own name");
    names.push_back(p.name);
    if (const auto* node = t.find("kind")) {
      if (auto kind = read_string(t.sink(), *node, t.key_path("kind")))
        p.kind = static_cast<hub::PlaceKind>(
            resolve_name(t.sink(), {*kind, node, t.key_path("kind")}, "kind of emergency place", kinds).value_or(0));
    } else {
      t.missing("kind", "one of " + join_names(kinds));
    }
    p.places = t.integer("places", limits::whole_up_to(1, limits::kRooms));
    const auto target = [i](hub::Scenario& sc) -> double& { return sc.emergency_places[i].p_accept; };
    p.p_accept = t.uncertain_number_or("p_accept", 1.0, probability(), target);
    p.contact_minutes = t.distribution("contact_minutes");
    if (t.has("stay_days")) p.stay_days = t.distribution("stay_days");
    p.cost_per_day_yen = t.number_or("cost_per_day_yen", 0, limits::up_to(limits::kYen));
    p.fixed_cost_per_year_yen = t.number_or("fixed_cost_per_year_yen", 0, limits::up_to(limits::kYen));
    p.admits_at = read_hours_of_day(t, "admission_hours");
    p.medical_care = t.boolean_or("medical_care", false);
    p.behavioural = t.boolean_or("behavioural", false);
    p.children = t.boolean_or("children", false);
    p.in_service = !t.boolean_or("leaves", false);  // only in a dated change: refused in the plan at the start
    s.emergency_places.push_back(std::move(p));
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
