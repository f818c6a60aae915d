// Coordinators working cases: answering calls (on duty, on call, or by an overflow center), inquiries,
// assessments, and the emergency coordination search facility by facility, then the fallbacks.
#include <algorithm>
#include <cmath>

#include "models/hub/handover_office.hpp"
#include "models/hub/hub_simulation.hpp"
#include "models/hub/search_rules.hpp"
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
  if (a.center >= 0) return start_case(id, a.center, a.on_call);
  // Nobody free: a coordinator at desk work here puts it aside for the call.
  if (!coordinators_.anyone_waiting(center) && interrupt_desk_work(center)) return start_case(id, center, false);
  coordinators_.wait(center, id);
  hold_on(id);
}

void HubSimulation::hold_on(std::uint32_t id) {
  const double now = events_.now();
  if (const auto hours = patience_.hold_hours(band_at(calendar_, now, sc_.calls.band_hours))) {
    cases_[id].give_up = events_.schedule_cancellable(sim::Event{now + *hours, kGiveUp, id});
  }
}

void HubSimulation::on_give_up(std::uint32_t id) {
  const double now = events_.now();
  cases_[id].hung_up = true;  // its place in the queue is skipped, and the slot freed, when it comes up
  const auto after = patience_.call_back_after_hours(cases_[id].tries);
  recorder_.hung_up(cases_[id].call_time, now, !after);
  if (!after) {
    if (cases_[id].emergency) recorder_.outcome(cases_[id].call_time, cases_[id].band, Outcome::Unresolved, now);
    return;
  }
  // The call-back is a new place in the queue, so it takes a new slot carrying the caller and the first call's
  // time (waits and arrangement times run from the first call).
  const std::uint32_t next = new_case();
  std::vector<int> keep = std::move(cases_[next].candidates);
  cases_[next] = cases_[id];
  Case& c = cases_[next];
  c.candidates = std::move(keep);
  c.hung_up = false;
  c.give_up = {};
  ++c.tries;
  step_after(next, Stage::CallingBack, *after);
}

void HubSimulation::call_back(std::uint32_t id) {
  recorder_.called_back(cases_[id].call_time, cases_[id].tries);
  offer(id, coordinators_.center_of_region(cases_[id].person.region));
}

void HubSimulation::start_case(std::uint32_t id, int center, bool on_call) {
  Case& c = cases_[id];
  events_.cancel(c.give_up);  // answered: patience no longer matters
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
    const std::uint32_t id = coordinators_.next_waiting(center);
    if (cases_[id].hung_up) {
      free_cases_.push_back(id);
      continue;
    }
    start_case(id, center, free == FreeCoordinator::OnCall);
  }
  // Planned work is done in office hours by a coordinator with no call waiting.
  const double now = events_.now();
  if (coordinators_.anyone_waiting(center) || !planned_.any_due(center, now) || !office_hours(now)) return;
  start_planned_work(center);
}

void HubSimulation::finish_case(std::uint32_t id) {
  // Every emergency case brings liaison with the case workers and consultation agencies afterwards (planned
  // before the slot is freed, so the new task cannot take it).
  if (cases_[id].emergency)
    plan(Duty::Liaison, sc_.duties.liaison, cases_[id].center, cases_[id].registrant, events_.now());
  free_cases_.push_back(id);
  release_coordinator(id);
}

void HubSimulation::release_coordinator(std::uint32_t id) {
  const Case& c = cases_[id];
  const int center = c.center;
  coordinators_.release(center, c.on_call, c.duty, events_.now());
  serve_waiting(center);
}

void HubSimulation::on_case_step(std::uint32_t id) {
  Case& c = cases_[id];
  end_step(id);
  switch (c.stage) {
    case Stage::AwaitOnCall:
      return begin_work(id);
    case Stage::Inquiry:
      return finish_case(id);
    case Stage::AssessmentVisit:
      // Back at the desk for the write-up, which a call may interrupt; a colleague may now go out in turn.
      c.visit = false;
      c.interruptible = true;
      run_step(id, Stage::Assessment, c.write_up_hours);
      return serve_waiting(c.center);
    case Stage::Escort:
      return finish_case(id);
    case Stage::PlannedDuty:
      if (c.duty == Duty::AdvancePlan) advance_plan_drafted(c.registrant);
      return finish_case(id);
    case Stage::Assessment: {
      Registrant& r = population_[static_cast<std::uint32_t>(c.registrant)];
      r.assessed = true;
      recorder_.assessment_done();
      const double interval = sc_.assessment.reassessment_interval_days * kHoursPerDay;
      if (r.active_position >= 0 && interval > 0) {
        events_.schedule(events_.now() + interval, kReassessmentDue, static_cast<std::uint32_t>(c.registrant));
      }
      if (!r.advance_plan) maybe_draft_advance_plan(c.center, c.registrant);  // may move the cases
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
    case Stage::PlaceContacting:
      return on_place_answered(id);
    case Stage::HandingOver:
      return hand_over(id);
    case Stage::CallingBack:
      return call_back(id);
    case Stage::AwaitingCaseWorkers:
      recorder_.outcome(c.call_time, c.band, Outcome::HandedOver, events_.now());
      free_cases_.push_back(id);
      return;
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
  const Search& search = sc_.search;
  // The escalation rule is chosen by the band in which the coordinator starts looking, not that of the call.
  c.rule = matching_rule(search, band_at(calendar_, events_.now(), sc_.calls.band_hours), c.need, c.person);
  if (max_contacts(c) == 0) return try_next_fallback(id);  // the rule skips the facilities: no search is counted
  const SearchRule* rule = rule_of(c);
  for (int f = 0; f < static_cast<int>(facilities_.size()); ++f) {
    const auto index = static_cast<std::size_t>(f);
    const bool allowed = !rule || rule->facilities.empty() || (index < rule->facilities.size() && rule->facilities[index]);
    if (allowed && facilities_[f].in_service() && facilities_[f].capable_of(c.person)) c.candidates.push_back(f);
  }
  // Known facilities first, then those in the person's region, each group in the scenario's stated order.
  const auto rank = [&](int f) {
    const int unknown = search.prefer_known && !c.person.knows(f) ? 1 : 0;
    const int elsewhere = search.prefer_same_region && sc_.facilities[f].region != c.person.region ? 1 : 0;
    return 2 * unknown + elsewhere;
  };
  std::stable_sort(c.candidates.begin(), c.candidates.end(), [&](int a, int b) { return rank(a) < rank(b); });
  c.search_start = events_.now();
  recorder_.search_started(c.call_time, c.band);
  contact_next_facility(id);
}

void HubSimulation::contact_next_facility(std::uint32_t id) {
  Case& c = cases_[id];
  const double now = events_.now();
  const bool exhausted = c.next_candidate >= c.candidates.size() || c.contacts >= max_contacts(c) ||
                         now - c.search_start >= max_search_hours(c);
  if (exhausted) {
    recorder_.search_found_no_bed(c.call_time, c.band);
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
  if (!bed) note_bed_holders(c, fs);
  // A free reserved bed is paid for to take emergencies: the facility says yes whatever the hour.
  const double p = fs.has_free_reserved_bed() ? 1.0 : fs.acceptance_probability(c.person, c.facility, band);
  if (bed && u < p) {
    if (!fs.has_bed_for_emergency()) preempt_experience_stay(c.facility);
    place_in_facility(c, c.facility);
    recorder_.outcome(c.call_time, c.band, Outcome::ShortStay, events_.now());
    if (c.need == Need::Both && try_reserve_supporter()) dispatch_supporter();
    const double follow_up_at = events_.now() + sc_.duties.follow_up_after_days * kHoursPerDay;
    plan(Duty::FollowUp, sc_.duties.follow_up, c.center, c.registrant, follow_up_at);  // may move the cases
    return escort_or_finish(id);
  }
  contact_next_facility(id);
}

void HubSimulation::escort_or_finish(std::uint32_t id) {
  const Duties& duties = sc_.duties;
  Case& c = cases_[id];
  // Drawn whatever the duty's settings, so scenarios that differ in them keep the same draws.
  const double u_escort = rs_duties_.uniform();
  const double escort_hours = duties.escort.hours(rs_duties_);
  if (u_escort >= duties.escort_share || escort_hours <= 0) return finish_case(id);
  // The coordinator who found the bed takes the person there (付添): a visit, not interrupted. A coordinator on
  // duty goes only if enough colleagues stay at the phones (with 常時2名体制 one alone cannot leave); else the
  // person goes without the escort (care taxi, family or the facility's transport). The on-call coordinator is
  // away from the office already.
  if (!c.on_call && !coordinators_.one_may_leave(c.center)) return finish_case(id);
  coordinators_.change_duty(c.center, c.on_call, c.duty, Duty::Escort, events_.now());
  c.duty = Duty::Escort;
  c.visit = !c.on_call;
  if (c.visit) coordinators_.leave_for_visit(c.center);
  run_step(id, Stage::Escort, escort_hours);
}

const SearchRule* HubSimulation::rule_of(const Case& c) const {
  // A dated change may bring other rules: a case keeps its rule's place in the list, or [search]'s shape.
  const auto& rules = sc_.search.rules;
  return c.rule >= 0 && static_cast<std::size_t>(c.rule) < rules.size() ? &rules[static_cast<std::size_t>(c.rule)] : nullptr;
}

int HubSimulation::max_contacts(const Case& c) const {
  const SearchRule* rule = rule_of(c);
  return rule ? rule->max_contacts : sc_.search.max_contacts;
}

double HubSimulation::max_search_hours(const Case& c) const {
  const SearchRule* rule = rule_of(c);
  return rule ? rule->max_search_hours : sc_.search.max_search_hours;
}

const std::vector<Fallback>& HubSimulation::fallbacks(const Case& c) const {
  const SearchRule* rule = rule_of(c);
  return rule ? rule->fallbacks : sc_.search.fallbacks;
}

void HubSimulation::try_next_fallback(std::uint32_t id) {
  Case& c = cases_[id];
  const auto& list = fallbacks(c);
  while (c.next_fallback < list.size()) {
    const Fallback fallback = list[c.next_fallback];
    // A place fallback stays current while places of its kind are left to call.
    if (const auto kind = place_kind_of(fallback)) {
      if (try_emergency_place(id, *kind)) return;
      ++c.next_fallback;
      c.next_place = 0;
      continue;
    }
    ++c.next_fallback;
    switch (fallback) {
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
      case Fallback::HandOver:
        return step_after(id, Stage::HandingOver, sc_.calls.handover_minutes(rs_work_) / kMinutesPerHour);
      default:
        break;  // the place kinds, handled above
    }
  }
  recorder_.outcome(c.call_time, c.band, Outcome::Unresolved, events_.now());
  finish_case(id);
}

bool HubSimulation::try_emergency_place(std::uint32_t id, PlaceKind kind) {
  Case& c = cases_[id];
  const int p = places_.first_open(kind, c.next_place, calendar_.hour_of_day(events_.now()), c.person);
  if (p < 0) {
    if (c.next_place == 0) recorder_.count(kpi_id("emergency_place_none_open"));
    return false;
  }
  c.next_place = static_cast<std::size_t>(p) + 1;
  c.place = p;
  places_.hold(p);  // from the decision to call, so no one else takes it meanwhile
  const EmergencyPlace& place = sc_.emergency_places[static_cast<std::size_t>(p)];
  step_after(id, Stage::PlaceContacting, place.contact_minutes(rs_search_) / kMinutesPerHour);
  return true;
}

void HubSimulation::on_place_answered(std::uint32_t id) {
  Case& c = cases_[id];
  const EmergencyPlace& place = sc_.emergency_places[static_cast<std::size_t>(c.place)];
  if (rs_acceptance_.uniform() < place.p_accept) {
    place_in_emergency_place(c);
    recorder_.outcome(c.call_time, c.band, Outcome::EmergencyPlace, events_.now());
    return finish_case(id);
  }
  places_.release(c.place);
  try_next_fallback(id);
}

void HubSimulation::hand_over(std::uint32_t id) {
  const Case& c = cases_[id];
  const double now = events_.now();
  const auto opening = handover_opening(calendar_, sc_.calls.handover_office, now);
  if (!opening) {
    recorder_.handover_failed(c.call_time);
    recorder_.outcome(c.call_time, c.band, Outcome::Unresolved, now);
    return finish_case(id);
  }
  if (*opening <= now) {
    recorder_.outcome(c.call_time, c.band, Outcome::HandedOver, now);
    return finish_case(id);
  }
  // Office closed: the coordinator leaves a written referral and is free; the case waits for the opening.
  step_after(id, Stage::AwaitingCaseWorkers, *opening - now);
  release_coordinator(id);
}

bool HubSimulation::try_reserve_supporter() { return supporters_.try_reserve(calendar_.hour_of_day(events_.now())); }

void HubSimulation::dispatch_supporter() {
  const double hours = sc_.home_support.dispatch_hours(rs_home_);
  events_.schedule(events_.now() + hours, kDispatchEnd);
  recorder_.count(kpi_id("home_help_dispatches"));
  recorder_.charge(CostLine::SpecialistSupporters, hours * sc_.home_support.cost_per_hour_yen);
}

void HubSimulation::enqueue_assessment(std::uint32_t registrant) {
  const double now = events_.now();
  if (!population_.assessment_due(registrant, now)) return;
  recorder_.backlog_changed(now, +1);
  // Booked as one task: the home visit (if any) and the write-up, drawn now.
  const std::uint32_t id = new_case();
  Case& c = cases_[id];
  c.center = coordinators_.center_of_region(population_[registrant].region);
  c.registrant = static_cast<std::int32_t>(registrant);
  c.duty = Duty::Assessment;
  c.due_at = now;
  population_[registrant].assessment_late_after_days = sc_.assessment.grace_days;
  population_[registrant].assessment_grace_after_days = sc_.assessment.grace_days + sc_.assessment.extra_grace_days;
  // A re-assessment has durations of its own where the scenario states them; one draw each either way.
  const bool again = population_[registrant].assessed;
  const Duties& d = sc_.duties;
  const double visit_hours =
      (again && d.reassessment_visit_hours ? *d.reassessment_visit_hours : sc_.assessment.visit_hours)(rs_work_);
  c.write_up_hours =
      (again && d.reassessment_staff_hours ? *d.reassessment_staff_hours : sc_.assessment.staff_hours)(rs_work_);
  c.visit = visit_hours > 0;
  c.interruptible = !c.visit;
  c.stage = c.visit ? Stage::AssessmentVisit : Stage::Assessment;
  c.step_hours = c.visit ? visit_hours : c.write_up_hours;
  book(id, now, visit_hours + c.write_up_hours);
}

void HubSimulation::maybe_draft_advance_plan(int center, std::int32_t registrant) {
  // Its own stream, drawn whatever the share, so plans change no other draw.
  if (rs_advance_plans_.uniform() < sc_.duties.advance_plan_share)
    plan(Duty::AdvancePlan, sc_.duties.advance_plan, center, registrant, events_.now());
}

void HubSimulation::advance_plan_drafted(std::int32_t registrant) {
  const auto who = static_cast<std::uint32_t>(registrant);
  if (!population_.is_active(who)) return;  // left the register meanwhile
  population_[who].advance_plan = true;
  recorder_.count(kpi_id("advance_plans_drafted"));
}

void HubSimulation::on_reassessment_due(std::uint32_t registrant) {
  if (population_.is_active(registrant)) enqueue_assessment(registrant);
}

}  // namespace kyoten::hub
