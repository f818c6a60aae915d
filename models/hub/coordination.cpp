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
constexpr double kHoursPerDay = 24.0;
}

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
  c.in_use = true;
  return id;
}

void HubSimulation::offer(std::uint32_t id, int center) {
  CenterState& cs = centers_[center];
  if (cs.waiting.empty()) {
    if (cs.busy < cs.on_duty) return start_case(id, center, false);
    if (cs.on_duty == 0 && sc_.centers[center].on_call_delay_hours && !cs.on_call_busy) {
      return start_case(id, center, true);
    }
  }
  // Overflow: the first listed center that can answer now, by a coordinator on duty or on call.
  for (int other : sc_.centers[center].overflow) {
    const CenterState& os = centers_[other];
    if (!os.waiting.empty()) continue;
    if (os.busy < os.on_duty) return start_case(id, other, false);
    if (os.on_duty == 0 && sc_.centers[other].on_call_delay_hours && !os.on_call_busy) {
      return start_case(id, other, true);
    }
  }
  cs.waiting.push_back(id);
}

void HubSimulation::start_case(std::uint32_t id, int center, bool on_call) {
  Case& c = cases_[id];
  c.center = center;
  c.on_call = on_call;
  if (on_call) {
    centers_[center].on_call_busy = true;
    step_after(id, Stage::AwaitOnCall, *sc_.centers[center].on_call_delay_hours);
    return;
  }
  ++centers_[center].busy;
  busy_by_hour_.add(events_.now(), 1);
  begin_work(id);
}

void HubSimulation::begin_work(std::uint32_t id) {
  Case& c = cases_[id];
  const double now = events_.now();
  if (counts_for_statistics(c)) acc_.answer_minutes.add((now - c.call_time) * kMinutesPerHour);
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
  CenterState& cs = centers_[center];
  const Center& spec = sc_.centers[center];
  while (!cs.waiting.empty()) {
    const bool staffed = cs.busy < cs.on_duty;
    const bool on_call = cs.on_duty == 0 && spec.on_call_delay_hours && !cs.on_call_busy;
    if (!staffed && !on_call) break;
    const std::uint32_t id = cs.waiting.front();
    cs.waiting.pop_front();
    start_case(id, center, !staffed);
  }
  // Assessments are office work: started in weekday daytime by a coordinator with no call waiting.
  if (!cs.waiting.empty() || band_at(calendar_, events_.now(), sc_.calls.band_hours) != TimeBand::WeekdayDaytime) {
    return;
  }
  auto& queue = assessment_queue_[center];
  while (cs.busy < cs.on_duty && !queue.empty()) {
    const std::uint32_t registrant = queue.front();
    queue.pop_front();
    if (!registrants_[registrant].awaiting_assessment) continue;  // left the register while waiting
    registrants_[registrant].awaiting_assessment = false;
    set_backlog(-1);
    if (collecting_) {
      const double waited_days = (events_.now() - registrants_[registrant].assessment_due_at) / kHoursPerDay;
      acc_.assessment_wait_days.add(waited_days);
      if (waited_days > sc_.assessment.grace_days) acc_.assessments_late += 1;
    }
    const std::uint32_t id = new_case();
    Case& c = cases_[id];
    c.center = center;
    c.registrant = static_cast<std::int32_t>(registrant);
    ++cs.busy;
    busy_by_hour_.add(events_.now(), 1);
    step_after(id, Stage::Assessment, sc_.assessment.staff_hours(rs_work_));
  }
}

void HubSimulation::finish_case(std::uint32_t id) {
  Case& c = cases_[id];
  CenterState& cs = centers_[c.center];
  if (c.on_call) {
    cs.on_call_busy = false;
  } else {
    --cs.busy;
    busy_by_hour_.add(events_.now(), -1);
  }
  c.in_use = false;
  free_cases_.push_back(id);
  serve_waiting(c.center);
}

void HubSimulation::on_case_step(std::uint32_t id) {
  Case& c = cases_[id];
  switch (c.stage) {
    case Stage::AwaitOnCall:
      return begin_work(id);
    case Stage::Inquiry:
      return finish_case(id);
    case Stage::Assessment: {
      Registrant& r = registrants_[c.registrant];
      r.assessed = true;
      if (collecting_) {
        count(kpi_id("assessments_done"));
        acc_.month.assessments += 1;
        ledger_.charge(CostLine::Assessments, sc_.budget.assessment_cost_yen);
      }
      const double interval = sc_.assessment.reassessment_interval_days * kHoursPerDay;
      if (r.active_position >= 0 && interval > 0) {
        events_.schedule(events_.now() + interval, kReassessmentDue, static_cast<std::uint32_t>(c.registrant));
      }
      return finish_case(id);
    }
    case Stage::Contacting:
      return on_contact_answered(id);
    case Stage::HubPlacing:
      place_in_hub(c);
      record_outcome(c, Outcome::HubRoom);
      return finish_case(id);
    case Stage::HomeArranging:
      dispatch_supporter();
      record_outcome(c, Outcome::HomeHelp);
      return finish_case(id);
    case Stage::ElderlyContacting:
      if (rs_acceptance_.uniform() < sc_.elderly_care.p_accept) {
        record_outcome(c, Outcome::ElderlyCare);
        return finish_case(id);
      }
      return try_next_fallback(id);
    case Stage::HandingOver:
      record_outcome(c, Outcome::HandedOver);
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
    if (facilities_[f].capable_of(c.person)) c.candidates.push_back(f);
  }
  // Known facilities first, then those in the person's region, each group in the scenario's stated order.
  const auto rank = [&](int f) {
    const int unknown = rule.prefer_known && !c.person.knows(f) ? 1 : 0;
    const int elsewhere = rule.prefer_same_region && sc_.facilities[f].region != c.person.region ? 1 : 0;
    return 2 * unknown + elsewhere;
  };
  std::stable_sort(c.candidates.begin(), c.candidates.end(), [&](int a, int b) { return rank(a) < rank(b); });
  c.searched = true;
  c.search_start = events_.now();
  if (counts_for_statistics(c)) acc_.searches += 1;
  contact_next_facility(id);
}

void HubSimulation::contact_next_facility(std::uint32_t id) {
  Case& c = cases_[id];
  const double now = events_.now();
  const bool exhausted = c.next_candidate >= c.candidates.size() || c.contacts >= sc_.search.max_contacts ||
                         now - c.search_start >= sc_.search.max_search_hours;
  if (exhausted) {
    if (counts_for_statistics(c)) acc_.searches_without_bed += 1;
    return try_next_fallback(id);
  }
  c.facility = c.candidates[c.next_candidate++];
  ++c.contacts;
  if (counts_for_statistics(c)) acc_.contacts += 1;
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
    record_outcome(c, Outcome::ShortStay);
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
        if (hub_in_use_ < sc_.hub.rooms) {
          set_hub_in_use(+1);  // held from the decision, so no one else takes it meanwhile
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
  record_outcome(c, Outcome::Unresolved);
  finish_case(id);
}

bool HubSimulation::try_reserve_supporter() {
  const HomeSupport& h = sc_.home_support;
  if (supporters_busy_ >= h.supporters || !h.can_start[calendar_.hour_of_day(events_.now())]) return false;
  ++supporters_busy_;
  return true;
}

void HubSimulation::dispatch_supporter() {
  const double hours = sc_.home_support.dispatch_hours(rs_home_);
  events_.schedule(events_.now() + hours, kDispatchEnd);
  if (collecting_) {
    count(kpi_id("home_help_dispatches"));
    ledger_.charge(CostLine::SpecialistSupporters, hours * sc_.home_support.cost_per_hour_yen);
  }
}

void HubSimulation::record_outcome(Case& c, Outcome outcome) {
  if (!counts_for_statistics(c)) return;
  count(kpi_id("outcome_short_stay") + static_cast<std::size_t>(outcome));
  if (outcome == Outcome::HandedOver) return;
  acc_.emergencies_to_arrange += 1;
  if (outcome == Outcome::Unresolved) {
    acc_.month.unresolved += 1;
    return;
  }
  const double hours = events_.now() - c.call_time;
  acc_.arrange_hours.add(hours);
  acc_.arrange_by_band[static_cast<int>(c.band)].add(hours);
  acc_.month.arranged += 1;
}

void HubSimulation::enqueue_assessment(std::uint32_t registrant) {
  Registrant& r = registrants_[registrant];
  if (r.awaiting_assessment) return;
  r.awaiting_assessment = true;
  r.assessment_due_at = events_.now();
  set_backlog(+1);
  const int center = center_of_region_[r.region];
  assessment_queue_[center].push_back(registrant);
  serve_waiting(center);
}

void HubSimulation::on_reassessment_due(std::uint32_t registrant) {
  if (registrants_[registrant].active_position >= 0) enqueue_assessment(registrant);
}

}  // namespace kyoten::hub
