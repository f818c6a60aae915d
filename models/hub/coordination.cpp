// Coordinators working cases: answering calls (on duty, on call, or by an overflow center), inquiries,
// assessments, and the emergency coordination search facility by facility, then the fallbacks.
#include <algorithm>
#include <cmath>

#include "models/hub/hub_simulation.hpp"
#include "models/hub/time_bands.hpp"
#include "sim/random/weighted_choice.hpp"

namespace kyoten::hub {
namespace {
constexpr double kMinutesPerHour = 60.0;
using sim::kHoursPerDay;
}  // namespace

std::uint32_t HubSimulation::new_case() {
  std::uint32_t id;
  if (!free_cases_.empty()) {
    id = free_cases_.back();
    free_cases_.pop_back();
  } else {
    id = static_cast<std::uint32_t>(cases_.size());
    cases_.emplace_back();
  }
  Case& c = cases_[id];
  std::vector<int> keep = std::move(c.candidates);  // reuse the slot's capacity
  c = Case{};
  c.candidates = std::move(keep);
  c.candidates.clear();
  return id;
}

void HubSimulation::offer(std::uint32_t id, int center) {
  const Answerer a = coordinators_.answerer_for(center);
  if (a.center < 0) return coordinators_.wait(center, id);
  start_case(id, a.center, a.on_call);
}

void HubSimulation::start_case(std::uint32_t id, int center, bool on_call) {
  Case& c = cases_[id];
  c.center = center;
  c.on_call = on_call;
  c.duty = c.emergency ? Duty::Emergency : Duty::Inquiry;
  coordinators_.take(center, on_call, c.duty, events_.now());
  if (on_call) return step_after(id, Stage::AwaitOnCall, *sc_.centers[center].on_call_delay_hours);
  begin_work(id);
}

void HubSimulation::begin_work(std::uint32_t id) {
  Case& c = cases_[id];
  recorder_.answered(c.call_time, events_.now());
  if (!c.emergency) {
    return step_after(id, Stage::Inquiry, sc_.calls.inquiry_minutes(rs_work_) / kMinutesPerHour);
  }
  begin_emergency(id);
}

void HubSimulation::step_after(std::uint32_t id, Stage stage, double hours) {
  cases_[id].stage = stage;
  events_.schedule(events_.now() + std::max(0.0, hours), kCaseStep, id);
}

void HubSimulation::serve_waiting(int center) {
  while (coordinators_.anyone_waiting(center)) {
    const FreeCoordinator free = coordinators_.free_at(center);
    if (free == FreeCoordinator::None) break;
    start_case(coordinators_.next_waiting(center), center, free == FreeCoordinator::OnCall);
  }
  // Assessments are office work: started in weekday daytime by a coordinator with no call waiting.
  if (coordinators_.anyone_waiting(center) ||
      band_at(calendar_, events_.now(), sc_.calls.band_hours) != TimeBand::WeekdayDaytime) {
    return;
  }
  start_assessments(center);
}

void HubSimulation::start_assessments(int center) {
  const double now = events_.now();
  // A home visit needs a colleague left at the phones; without a visit any free coordinator will do.
  const bool visit = sc_.assessment.visit_hours.mean() > 0;
  while (visit ? coordinators_.may_leave_for_visit(center) : coordinators_.on_duty_free(center)) {
    const auto registrant = population_.next_assessment(center);
    if (!registrant) return;
    recorder_.backlog_changed(now, -1);
    recorder_.assessment_started(population_[*registrant].assessment_due_at, now);
    const std::uint32_t id = new_case();
    Case& c = cases_[id];
    c.center = center;
    c.registrant = static_cast<std::int32_t>(*registrant);
    c.duty = Duty::Assessment;
    coordinators_.take(center, false, c.duty, now);
    if (visit) {
      coordinators_.leave_for_visit(center);
      step_after(id, Stage::AssessmentVisit, sc_.assessment.visit_hours(rs_work_));
    } else {
      step_after(id, Stage::Assessment, sc_.assessment.staff_hours(rs_work_));
    }
  }
}

void HubSimulation::finish_case(std::uint32_t id) {
  const Case& c = cases_[id];
  const int center = c.center;
  coordinators_.release(center, c.on_call, c.duty, events_.now());
  free_cases_.push_back(id);
  serve_waiting(center);
}

void HubSimulation::on_case_step(std::uint32_t id) {
  Case& c = cases_[id];
  switch (c.stage) {
    case Stage::AwaitOnCall:
      return begin_work(id);
    case Stage::Inquiry:
      return finish_case(id);
    case Stage::AssessmentVisit:
      // Back at the desk for the write-up; a colleague may now go out in turn.
      coordinators_.back_from_visit(c.center);
      step_after(id, Stage::Assessment, sc_.assessment.staff_hours(rs_work_));
      return serve_waiting(c.center);
    case Stage::Assessment: {
      Registrant& r = population_[static_cast<std::uint32_t>(c.registrant)];
      r.assessed = true;
      recorder_.assessment_done();
      const double interval = sc_.assessment.reassessment_interval_days * kHoursPerDay;
      if (r.active_position >= 0 && interval > 0) {
        events_.schedule(events_.now() + interval, kReassessmentDue, static_cast<std::uint32_t>(c.registrant));
      }
      return finish_case(id);
    }
    case Stage::Contacting:
      return on_contact_answered(id);
    case Stage::HubPlacing:
      place_in_hub(c.cause);
      recorder_.outcome(c.call_time, c.band, Outcome::HubRoom, events_.now());
      return finish_case(id);
    case Stage::HomeArranging:
      dispatch_supporter();
      recorder_.outcome(c.call_time, c.band, Outcome::HomeHelp, events_.now());
      return finish_case(id);
    case Stage::ElderlyContacting:
      if (rs_acceptance_.uniform() < sc_.elderly_care.p_accept) {
        recorder_.outcome(c.call_time, c.band, Outcome::ElderlyCare, events_.now());
        return finish_case(id);
      }
      return try_next_fallback(id);
    case Stage::HandingOver:
      recorder_.outcome(c.call_time, c.band, Outcome::HandedOver, events_.now());
      return finish_case(id);
  }
}

void HubSimulation::begin_emergency(std::uint32_t id) {
  Case& c = cases_[id];
  if (c.handover) {
    return step_after(id, Stage::HandingOver, sc_.calls.handover_minutes(rs_work_) / kMinutesPerHour);
  }
  if (c.need == Need::HomeHelp && try_reserve_supporter()) {
    return step_after(id, Stage::HomeArranging, sc_.home_support.arrange_minutes(rs_work_) / kMinutesPerHour);
  }
  // Short stay needed, or home help could not be had: look for a bed.
  begin_search(id);
}

void HubSimulation::begin_search(std::uint32_t id) {
  Case& c = cases_[id];
  const Search& rule = sc_.search;
  for (int f = 0; f < static_cast<int>(facilities_.size()); ++f) {
    if (facilities_[f].in_service() && facilities_[f].capable_of(c.person)) c.candidates.push_back(f);
  }
  // Known facilities first, then those in the person's region, each group in the scenario's stated order.
  const auto rank = [&](int f) {
    const int unknown = rule.prefer_known && !c.person.knows(f) ? 1 : 0;
    const int elsewhere = rule.prefer_same_region && sc_.facilities[f].region != c.person.region ? 1 : 0;
    return 2 * unknown + elsewhere;
  };
  std::stable_sort(c.candidates.begin(), c.candidates.end(), [&](int a, int b) { return rank(a) < rank(b); });
  c.search_start = events_.now();
  recorder_.search_started(c.call_time);
  contact_next_facility(id);
}

void HubSimulation::contact_next_facility(std::uint32_t id) {
  Case& c = cases_[id];
  const double now = events_.now();
  const bool exhausted = c.next_candidate >= c.candidates.size() || c.contacts >= sc_.search.max_contacts ||
                         now - c.search_start >= sc_.search.max_search_hours;
  if (exhausted) {
    recorder_.search_found_no_bed(c.call_time);
    return try_next_fallback(id);
  }
  c.facility = c.candidates[c.next_candidate++];
  ++c.contacts;
  recorder_.facility_contacted(c.call_time);
  const Facility& f = sc_.facilities[c.facility];
  const bool office_hours = band_at(calendar_, now, sc_.calls.band_hours) == TimeBand::WeekdayDaytime;
  const double minutes = office_hours ? f.contact_minutes_day(rs_search_) : f.contact_minutes_other(rs_search_);
  step_after(id, Stage::Contacting, minutes / kMinutesPerHour);
}

void HubSimulation::on_contact_answered(std::uint32_t id) {
  Case& c = cases_[id];
  FacilityState& fs = facility_now(c.facility);
  // Drawn whatever the bed situation, so scenarios that differ in beds keep the same acceptance draws.
  const double u = rs_acceptance_.uniform();
  const TimeBand band = band_at(calendar_, events_.now(), sc_.calls.band_hours);
  // A bed held by an experience stay counts as available: the facility ends that stay if it says yes.
  const bool bed = fs.has_bed_for_emergency() || fs.experience() > 0;
  // A free reserved bed is paid for to take emergencies: the facility says yes whatever the hour.
  const double p = fs.has_free_reserved_bed() ? 1.0 : fs.acceptance_probability(c.person, c.facility, band);
  if (bed && u < p) {
    if (!fs.has_bed_for_emergency()) preempt_experience_stay(c.facility);
    place_in_facility(c, c.facility);
    recorder_.outcome(c.call_time, c.band, Outcome::ShortStay, events_.now());
    if (c.need == Need::Both && try_reserve_supporter()) dispatch_supporter();
    return finish_case(id);
  }
  contact_next_facility(id);
}

void HubSimulation::try_next_fallback(std::uint32_t id) {
  Case& c = cases_[id];
  const auto& fallbacks = sc_.search.fallbacks;
  while (c.next_fallback < fallbacks.size()) {
    switch (fallbacks[c.next_fallback++]) {
      case Fallback::HubRoom:
        if (hub_rooms_.try_hold()) {  // held from the decision, so no one else takes it meanwhile
          recorder_.hub_rooms_changed(events_.now(), +1, hub_rooms_.in_use());
          return step_after(id, Stage::HubPlacing, sc_.hub.contact_minutes(rs_work_) / kMinutesPerHour);
        }
        break;
      case Fallback::HomeHelp:
        if (try_reserve_supporter()) {
          return step_after(id, Stage::HomeArranging, sc_.home_support.arrange_minutes(rs_work_) / kMinutesPerHour);
        }
        break;
      case Fallback::ElderlyCare:
        if (sc_.elderly_care.agreement) {
          return step_after(id, Stage::ElderlyContacting,
                            sc_.elderly_care.contact_minutes(rs_search_) / kMinutesPerHour);
        }
        break;
      case Fallback::HandOver:
        return step_after(id, Stage::HandingOver, sc_.calls.handover_minutes(rs_work_) / kMinutesPerHour);
    }
  }
  recorder_.outcome(c.call_time, c.band, Outcome::Unresolved, events_.now());
  finish_case(id);
}

bool HubSimulation::try_reserve_supporter() { return supporters_.try_reserve(calendar_.hour_of_day(events_.now())); }

void HubSimulation::dispatch_supporter() {
  const double hours = sc_.home_support.dispatch_hours(rs_home_);
  events_.schedule(events_.now() + hours, kDispatchEnd);
  recorder_.count(kpi_id("home_help_dispatches"));
  recorder_.charge(CostLine::SpecialistSupporters, hours * sc_.home_support.cost_per_hour_yen);
}

void HubSimulation::enqueue_assessment(std::uint32_t registrant) {
  const int center = coordinators_.center_of_region(population_[registrant].region);
  if (!population_.assessment_due(registrant, events_.now(), center)) return;
  recorder_.backlog_changed(events_.now(), +1);
  serve_waiting(center);
}

void HubSimulation::on_reassessment_due(std::uint32_t registrant) {
  if (population_.is_active(registrant)) enqueue_assessment(registrant);
}

}  // namespace kyoten::hub
