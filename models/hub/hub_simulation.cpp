// Set-up, the event loop, the clock ticks that close hours, days and months, and the registration and call
// processes. Coordination (cases, search, fallbacks) is in coordination.cpp; beds and stays in stays.cpp;
// the final KPIs in hub_results.cpp.
#include <algorithm>
#include <boost/random/exponential_distribution.hpp>
#include <cmath>

#include "models/hub/hub_simulation.hpp"
#include "models/hub/time_bands.hpp"
#include "sim/random/weighted_choice.hpp"

namespace kyoten::hub {
namespace {

// Rates in scenarios are per year; the clock runs in hours. A Julian year keeps leap years in the average.
constexpr double kHoursPerYear = 365.25 * 24.0;
using sim::kHoursPerDay;

int whole_days(double days) { return static_cast<int>(std::ceil(days)); }

double exponential_gap(sim::RandomStream& s, double rate_per_hour) {
  return boost::random::exponential_distribution<double>(rate_per_hour)(s);
}

}  // namespace

HubSimulation::HubSimulation(const Scenario& sc, std::uint64_t seed, std::uint64_t rep)
    : run_(sc),
      plan_(sc.changes.empty() ? Scenario{} : sc),
      sc_(sc.changes.empty() ? sc : plan_),
      calendar_(sc.horizon.start - std::chrono::days{whole_days(sc.horizon.warmup_days)}),
      t_start_(calendar_.time_of(sc.horizon.start)),
      t_end_(calendar_.time_of(sc.horizon.end)),
      rs_registrations_(seed, rep, "registrations"),
      rs_attributes_(seed, rep, "registrant-attributes"),
      rs_leaving_(seed, rep, "leaving"),
      rs_calls_(seed, rep, "calls"),
      rs_call_content_(seed, rep, "call-content"),
      rs_work_(seed, rep, "work-times"),
      rs_search_(seed, rep, "search-contacts"),
      rs_acceptance_(seed, rep, "acceptance"),
      rs_stays_(seed, rep, "stay-lengths"),
      rs_experience_(seed, rep, "experience-stays"),
      rs_home_(seed, rep, "home-support"),
      rs_assessment_schedule_(seed, rep, "assessment-schedule"),
      rs_duties_(seed, rep, "duties"),
      rs_surges_(seed, rep, "surges"),
      rs_advance_plans_(seed, rep, "advance-plans"),
      coordinators_(sc_, calendar_),
      planned_(static_cast<int>(sc.centers.size())),
      hub_rooms_(sc_.hub.rooms),
      places_(sc_.emergency_places),
      supporters_(sc_.home_support),
      bookings_(sc_.facilities.size()),
      patience_(sc_.calls, sim::RandomStream(seed, rep, "patience")),
      recorder_(sc_, calendar_, t_start_, t_end_),
      rs_approval_(seed, rep, "hub-use-approval") {
  if (sc.calendar.year_end_closure) {
    using namespace std::chrono;
    calendar_.close_every_year(December / 29, January / 3);
  }
  calendar_.cache_holidays(calendar_.day_index(t_end_) + 1);

  // Registrations: the slope of the expected registered count plus the leavers it must replace.
  std::vector<std::pair<sim::Time, double>> knots;
  for (const auto& [date, n] : sc.registration.expected_registered) knots.emplace_back(calendar_.time_of(date), n);
  expected_registered_ = sim::PiecewiseLinear(knots);
  double max_slope = 0, max_level = static_cast<double>(sc.registration.initial_registrants);
  for (std::size_t i = 0; i < knots.size(); ++i) {
    max_level = std::max(max_level, knots[i].second);
    if (i > 0 && knots[i].first > knots[i - 1].first) {
      max_slope = std::max(max_slope, (knots[i].second - knots[i - 1].second) / (knots[i].first - knots[i - 1].first));
    }
  }
  registration_bound_per_hour_ = max_slope + sc.registration.leave_rate_per_year / kHoursPerYear * max_level;

  set_call_profile();
  office_week_ = OfficeWeek(sc_);

  facilities_.reserve(sc_.facilities.size());
  for (std::size_t f = 0; f < sc_.facilities.size(); ++f) {
    const Facility& spec = sc_.facilities[f];
    facilities_.emplace_back(spec, sim::RandomStream(seed, rep, "planned-stays/" + std::to_string(f)),
                             planned_requests_per_hour(spec));
  }
  events_.reserve(256);
  schedule_surges(seed, rep);
}

ReplicationResult HubSimulation::run() {
  const Registration& reg = sc_.registration;
  // With drawn knots the count at the start follows the drawn path.
  const int initial = reg.initial_registrants_follow_path ? static_cast<int>(std::lround(expected_registered_.at(0.0)))
                                                           : reg.initial_registrants;
  for (int i = 0; i < initial; ++i) {
    register_person(draw_registrant(sc_, rs_attributes_, 0.0), sc_.assessment.initial_registrants_assessed);
  }
  // Those on the register when the run starts were discussed at earlier meetings, where the scenario says so.
  if (sc_.experience.approval.initial_registrants_approved) {
    for (int i = 0; i < population_.active_count(); ++i)
      population_[population_.active_at(static_cast<std::size_t>(i))].hub_use_approved = true;
  }
  events_.schedule(t_start_, kStatsStart);
  events_.schedule(t_end_, kEnd);
  schedule_plan_changes();  // before the shift ticks: a change at midnight comes before that midnight's tick
  events_.schedule(0.0, kShiftTick);
  events_.schedule(next_meeting(0.0), kMeeting);
  schedule_respite_changes();
  const double first = sim::next_arrival_by_thinning(rs_registrations_, 0.0, t_end_, registration_bound_per_hour_,
                                                     [this](double t) { return registration_intensity(t); });
  if (std::isfinite(first)) events_.schedule(first, kRegistration);
  reschedule_population_processes();

  for (;;) {
    const sim::Event e = events_.pop();
    switch (e.kind) {
      case kStatsStart: on_stats_start(); break;
      case kShiftTick: on_shift_tick(); break;
      case kRegistration: on_registration(); break;
      case kLeave: on_leave(e.subject); break;
      case kCallCandidate: on_call_candidate(); break;
      case kExperienceCandidate: on_experience_candidate(); break;
      case kCaseStep: on_case_step(e.subject); break;
      case kReassessmentDue: on_reassessment_due(e.subject); break;
      case kEmergencyStayEnd: on_emergency_stay_end(static_cast<int>(e.subject)); break;
      case kHubStayEnd: release_hub_room(); break;
      case kPlaceStayEnd: on_place_stay_end(static_cast<int>(e.subject)); break;
      case kExperienceStart: on_experience_start(e.subject); break;
      case kExperienceEnd: on_experience_end(e.subject); break;
      case kDispatchEnd: supporters_.release(); break;
      case kPlanChange: on_plan_change(e.subject); break;
      case kGiveUp: on_give_up(e.subject); break;
      case kCensus: on_census(); break;
      case kWorkBooked: serve_waiting(static_cast<int>(e.subject)); break;
      case kMeeting: on_meeting(); break;
      case kSurgeCall: on_surge_call(e.subject); break;
      case kRespiteChange: on_respite_change(static_cast<int>(e.subject)); break;
      case kExperienceApproved: on_experience_approved(e.subject); break;
      case kEnd: return finish();
    }
  }
}

void HubSimulation::set_call_profile() {
  const Calls& calls = sc_.calls;
  call_profile_ = calls.hour_of_week_profile ? hour_of_week_profile(*calls.hour_of_week_profile)
                                             : band_profile(calls.band_share, calls.band_hours);
  normalise_call_profile_over_horizon();
  call_profile_max_ = call_profile_.max() * *std::max_element(calls.month_factor.begin(), calls.month_factor.end());
}

void HubSimulation::normalise_call_profile_over_horizon() {
  // The band profile averages 1 over a week without holidays; holidays take the weekend rate. Rescaling to the
  // horizon's own calendar keeps the yearly number of calls at the stated rate whatever the holidays. The horizon
  // is whole days, so it is summed a day at a time: a holiday's 24 hours, or that weekday's 24.
  std::array<double, sim::kDaysPerWeek> weekday_sum{};
  for (int h = 0; h < sim::kHoursPerWeek; ++h) weekday_sum[h / sim::kHoursPerDay] += call_profile_.hour_of_week[h];
  double holiday_sum = 0;
  for (double m : call_profile_.holiday) holiday_sum += m;
  double sum = 0;
  int days = 0;
  for (double t = t_start_; t < t_end_; t += kHoursPerDay, ++days) {
    sum += (calendar_.is_holiday(t) ? holiday_sum : weekday_sum[calendar_.weekday(t)]) * month_factor(t);
  }
  if (days == 0 || sum <= 0) return;
  const double mean = sum / (days * kHoursPerDay);
  for (double& m : call_profile_.hour_of_week) m /= mean;
  for (double& m : call_profile_.holiday) m /= mean;
}

double HubSimulation::month_factor(double t) const {
  return sc_.calls.month_factor[calendar_.month(t) - 1];
}

double HubSimulation::registration_intensity(double t) const {
  // Slope of the expected path at t (zero outside the knots) plus replacement of expected leavers.
  const auto& knots = sc_.registration.expected_registered;
  double slope = 0;
  for (std::size_t i = 1; i < knots.size(); ++i) {
    const double t0 = calendar_.time_of(knots[i - 1].first), t1 = calendar_.time_of(knots[i].first);
    if (t >= t0 && t < t1) {
      slope = (knots[i].second - knots[i - 1].second) / (t1 - t0);
      break;
    }
  }
  return std::max(0.0, slope) + sc_.registration.leave_rate_per_year / kHoursPerYear * expected_registered_.at(t);
}

void HubSimulation::on_stats_start() {
  const double now = events_.now();
  recorder_.extra_work(coordinators_.take_extra_work(now));  // the warm-up's: not counted
  recorder_.start(now);
  coordinators_.restart_statistics(now);
  for (FacilityState& f : facilities_) f.restart_statistics(now);
  recorder_.begin_day(now, bed_hours(now), beds_in_use(now));
  // The census reads beds and rooms only, so at midnight the tick there takes it (on_shift_tick).
  if (sc_.calendar.census_hour != 0) events_.schedule(now + sc_.calendar.census_hour, kCensus);
}

void HubSimulation::on_census() {
  const double now = events_.now();
  take_census(now);
  if (now + kHoursPerDay < t_end_) events_.schedule(now + kHoursPerDay, kCensus);
}

void HubSimulation::take_census(double now) {
  const int in_use = beds_in_use(now);  // brings every facility to now
  const bool every_bed_in_use = std::none_of(facilities_.begin(), facilities_.end(),
                                             [](const FacilityState& f) { return f.has_bed_for_emergency(); });
  recorder_.census(now, in_use, every_bed_in_use);
}

void HubSimulation::on_shift_tick() {
  const double now = events_.now();
  // The recorder counts only the census instants inside the statistics window.
  if (sc_.calendar.census_hour == 0 && calendar_.hour_of_day(now) == 0) take_census(now);
  close_hours(now);
  staff_centers(now);
  events_.schedule(next_shift_tick(now), kShiftTick);
}

void HubSimulation::staff_centers(double now) {
  coordinators_.start_hour(now);
  for (int c = 0; c < coordinators_.centers(); ++c) serve_waiting(c);
}

double HubSimulation::next_shift_tick(double now) const {
  // Between ticks nothing a tick does could change anything: the same coordinators are on duty, and whether
  // assessments may start (weekday daytime) is the same. A holiday is a whole day, so midnight always ticks.
  return calendar_.day_index(now) * kHoursPerDay +
         office_week_.next_change_hour(calendar_.is_holiday(now), calendar_.hour_of_week(now));
}

void HubSimulation::close_hours(double until) {
  // A dated change at midnight closes that midnight first; the tick that follows finds nothing left to close.
  if (until > 0.0 && until <= recorder_.hours_closed_until()) return;
  // Overtime and call-outs up to now are paid at the wages and premiums in force until now.
  recorder_.extra_work(coordinators_.take_extra_work(until));
  recorder_.close_hours(until, coordinators_);
  if (calendar_.hour_of_day(until) != 0 || until == 0.0) return;
  const double now = events_.now();
  if (recorder_.closes_day_ending(until)) recorder_.close_day(now, bed_hours(now), beds_in_use(now));
  recorder_.enter_fiscal_year(calendar_.fiscal_year(until));
  if (recorder_.closes_month_starting(until)) {
    recorder_.close_month(now, population_.active_count(), population_.backlog());
  }
}

void HubSimulation::on_registration() {
  const double now = events_.now();
  register_person(draw_registrant(sc_, rs_attributes_, now), false);
  recorder_.registration();
  reschedule_population_processes();
  const double next = sim::next_arrival_by_thinning(rs_registrations_, now, t_end_, registration_bound_per_hour_,
                                                    [this](double t) { return registration_intensity(t); });
  if (std::isfinite(next)) events_.schedule(next, kRegistration);
}

void HubSimulation::register_person(const Registrant& person, bool already_assessed) {
  const double now = events_.now();
  const std::uint32_t id = population_.add(person);
  const double leave_rate = sc_.registration.leave_rate_per_year / kHoursPerYear;
  if (leave_rate > 0) {
    const double leave_at = now + exponential_gap(rs_leaving_, leave_rate);
    if (leave_at < t_end_) events_.schedule(leave_at, kLeave, id);
  }
  const double interval = sc_.assessment.reassessment_interval_days * kHoursPerDay;
  if (already_assessed) {
    population_[id].assessed = true;
    // Earlier assessments were spread over the past interval, so re-assessments fall due evenly.
    if (interval > 0) events_.schedule(now + rs_assessment_schedule_.uniform() * interval, kReassessmentDue, id);
  } else {
    // Registration intake (面談) comes first; the first assessment is booked after it.
    plan(Duty::Intake, sc_.duties.intake, coordinators_.center_of_region(person.region), static_cast<std::int32_t>(id), now);
    enqueue_assessment(id);
  }
}

void HubSimulation::on_leave(std::uint32_t id) {
  if (!population_.is_active(id)) return;
  if (population_.leave(id)) recorder_.backlog_changed(events_.now(), -1);
  recorder_.count(kpi_id("leavers"));
  reschedule_population_processes();
}

void HubSimulation::reschedule_population_processes() {
  // Rates proportional to the number registered change only here, so redrawing the next candidate from now is
  // exact for a Poisson process (memorylessness); thinning then applies the time-of-week profile.
  const double now = events_.now();
  events_.cancel(call_candidate_);
  events_.cancel(experience_candidate_);
  const double calls_per_hour =
      (population_.active_count() * sc_.calls.per_registrant_per_year + sc_.calls.unregistered_per_year) / kHoursPerYear;
  const double call_bound = calls_per_hour * call_profile_max_;
  if (call_bound > 0) {
    call_candidate_ = events_.schedule_cancellable({now + exponential_gap(rs_calls_, call_bound), kCallCandidate, 0});
  }
  const double experience_per_hour =
      population_.active_count() * sc_.experience.requests_per_registrant_per_year / kHoursPerYear;
  if (experience_per_hour > 0) {
    experience_candidate_ = events_.schedule_cancellable(
        {now + exponential_gap(rs_experience_, experience_per_hour), kExperienceCandidate, 0});
  }
}

void HubSimulation::on_call_candidate() {
  const double now = events_.now();
  const double multiplier = (calendar_.is_holiday(now) ? call_profile_.holiday[calendar_.hour_of_day(now)]
                                                       : call_profile_.hour_of_week[calendar_.hour_of_week(now)]) *
                            month_factor(now);
  const bool is_call = rs_calls_.uniform() * call_profile_max_ < multiplier;
  // Who calls: a registered person, in proportion to the registered call rate, or someone not registered.
  const double registered_rate = population_.active_count() * sc_.calls.per_registrant_per_year;
  const double total_rate = registered_rate + sc_.calls.unregistered_per_year;
  const bool registered = rs_calls_.uniform() * total_rate < registered_rate;
  const std::size_t pick =
      population_.empty() ? 0 : static_cast<std::size_t>(rs_calls_.uniform() * population_.active_count());
  reschedule_population_processes();
  if (!is_call) return;

  const std::uint32_t id = new_case();
  Case& c = cases_[id];
  if (registered && !population_.empty()) {
    c.registrant = static_cast<std::int32_t>(population_.active_at(pick));
    c.person = population_[c.registrant];
  } else {
    // Someone not on the register: no assessment, no advance plan, unknown to every facility.
    c.registrant = -1;
    c.person = draw_registrant(sc_, rs_call_content_, now);
    c.person.advance_plan = false;
  }
  take_call(id, rs_call_content_, false);
}

void HubSimulation::take_call(std::uint32_t id, sim::RandomStream& content, bool surely_emergency) {
  Case& c = cases_[id];
  const double now = events_.now();
  c.call_time = now;
  c.band = band_at(calendar_, now, sc_.calls.band_hours);
  const int band = static_cast<int>(c.band);
  c.emergency = surely_emergency || content.uniform() < emergency_probability(c.person, band);
  if (c.emergency) {
    c.need = static_cast<Need>(sim::draw_weighted(sc_.calls.need_weights, content));
    c.cause = static_cast<EmergencyCause>(sim::draw_weighted(sc_.calls.cause_weights, content));
    // A cause with its own needs redraws the need (an extra draw only then, so other runs keep their numbers).
    if (const auto& needs = sc_.calls.cause_effects[static_cast<int>(c.cause)].need_weights)
      c.need = static_cast<Need>(sim::draw_weighted(*needs, content));
    c.handover = content.uniform() < sc_.calls.p_handover;
  }
  recorder_.call(c.band, c.emergency, now);
  offer(id, coordinators_.center_of_region(c.person.region));
}

double HubSimulation::emergency_probability(const Registrant& person, int band) const {
  const double share = sc_.calls.emergency_share[band];
  if (!person.ageing_caregiver) return share;
  const double years = (events_.now() - person.registered_at) / kHoursPerYear;
  const double factor = sc_.calls.ageing_caregiver_emergency_factor *
                        std::pow(1.0 + sc_.calls.ageing_caregiver_factor_growth_per_year, std::max(0.0, years));
  return std::min(1.0, share * factor);
}

ReplicationResult HubSimulation::finish() {
  const double now = events_.now();
  // The horizon ends at a midnight, so this closes the last hour and day (and the month if it was whole);
  // a month cut short by the horizon is closed here.
  close_hours(now);
  if (calendar_.ymd_at(now).day() != std::chrono::day{1}) {
    recorder_.close_month(now, population_.active_count(), population_.backlog());
  }
  EndState end{population_.active_count(), population_.backlog()};
  const Population::Overdue overdue = population_.overdue_at(now);
  end.assessments_overdue = overdue.past_deadline;
  end.assessments_overdue_past_grace = overdue.past_grace;
  end.bed_hours = bed_hours(now);  // plays every facility forward to the end, refusals included
  for (const FacilityState& f : facilities_) {
    end.planned_bed_hours += f.planned_bed_hours();
    end.planned_stays_requested += f.planned_requests();
    end.planned_stays_admitted += f.planned_admitted();
    end.planned_stays_refused += f.planned_refused();
    end.neighbour_bed_hours += f.neighbour_bed_hours();
    end.neighbour_stays_admitted += f.neighbour_admitted();
    end.neighbour_stays_refused += f.neighbour_refused();
    end.respite_bed_hours += f.respite_bed_hours();
    end.respite_wanted_bed_hours += f.respite_wanted_bed_hours();
  }
  return recorder_.results(now, end, coordinators_);
}

}  // namespace kyoten::hub
