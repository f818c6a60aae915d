// Recording a run as it happens, and closing its hours, days and months.
#include "models/hub/recorder.hpp"

#include <algorithm>
#include <cmath>

namespace kyoten::hub {
namespace {
constexpr double kMinutesPerHour = 60.0;
using sim::kHoursPerDay;
}  // namespace

Recorder::Recorder(const Scenario& sc, const sim::CivilCalendar& calendar, double t_start, double t_end)
    : sc_(sc), calendar_(calendar), t_start_(t_start), t_end_(t_end), surges_(sc.surges, calendar) {}

void Recorder::start(double now) {
  acc_ = Accumulators{};
  acc_.scheduled_hours.resize(sc_.centers.size());
  acc_.days.reserve(static_cast<std::size_t>((t_end_ - now) / kHoursPerDay) + 1);
  collecting_ = true;
  ledger_ = CostLedger{};
  enter_fiscal_year(calendar_.fiscal_year(now));
  for (sim::TimeWeighted* level : {&backlog_level_, &unplanned_beds_level_, &emergency_beds_level_, &hub_level_}) {
    level->restart(now);
  }
  capacity_since_ = now;
  const auto ymd = calendar_.ymd_at(now);
  acc_.month.year = static_cast<int>(ymd.year());
  acc_.month.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  acc_.month.fiscal_year = fiscal_year_;
  const int last_year = calendar_.fiscal_year(std::max(now, t_end_ - 1));  // the year of the window's last hour
  for (int fy = fiscal_year_; fy <= last_year; ++fy) acc_.years.push_back(YearTally{.fiscal_year = fy});
}

YearTally& Recorder::year_of_call(double call_time) {
  const int i = calendar_.fiscal_year(call_time) - acc_.years.front().fiscal_year;
  return acc_.years[static_cast<std::size_t>(std::clamp(i, 0, static_cast<int>(acc_.years.size()) - 1))];
}

YearTally& Recorder::year_now() {
  const int i = fiscal_year_ - acc_.years.front().fiscal_year;
  return acc_.years[static_cast<std::size_t>(std::clamp(i, 0, static_cast<int>(acc_.years.size()) - 1))];
}

void Recorder::begin_day(double now, double bed_hours_now, int beds_in_use_now) {
  acc_.day = DayRecord{};
  const int hub_in_use = static_cast<int>(hub_level_.level());
  if (collecting_ && now < t_end_) {
    acc_.bed_days_used += beds_in_use_now;
    acc_.room_days_used += hub_in_use;
  }
  acc_.day.hub_rooms_in_use_max = hub_in_use;
  acc_.day.hub_rooms_in_use_min = hub_in_use;
  acc_.day.emergency_beds_in_use_max = static_cast<int>(emergency_beds_level_.level());
  acc_.beds_integral_at_day_start = bed_hours_now;
}

void Recorder::registration() {
  if (!collecting_) return;
  acc_.count[kpi_id("registrations")] += 1;
  year_now().count[kpi_id("registrations")] += 1;
  acc_.month.registrations += 1;
}

void Recorder::call(TimeBand band, bool emergency, double call_time) {
  if (!collecting_) return;
  if (emergency) surges_.emergency(call_time);
  const auto b = static_cast<std::size_t>(band);
  count(kpi_id("calls"));
  count(kpi_id("calls_weekday_daytime") + b);
  acc_.month.calls += 1;
  YearTally& year = year_of_call(call_time);
  year.count[kpi_id("calls")] += 1;
  year.count[kpi_id("emergencies")] += emergency ? 1 : 0;
  if (emergency) {
    count(kpi_id("emergencies"));
    count(kpi_id("emergencies_weekday_daytime") + b);
    acc_.month.emergencies += 1;
  } else {
    count(kpi_id("inquiries"));
  }
}

void Recorder::answered(double call_time, double now) {
  if (!counts(call_time)) return;
  acc_.answer_minutes.add((now - call_time) * kMinutesPerHour);
  year_of_call(call_time).answer_minutes.add((now - call_time) * kMinutesPerHour);
}

void Recorder::hung_up(double call_time, double now, bool for_good) {
  if (!counts(call_time)) return;
  acc_.count[kpi_id("hang_ups")] += 1;
  if (!for_good) return;
  acc_.count[kpi_id("callers_abandoned")] += 1;
  // Answer times include the wait of a caller who gave up: until they hung up for the last time.
  acc_.answer_minutes.add((now - call_time) * kMinutesPerHour);
  YearTally& year = year_of_call(call_time);
  year.count[kpi_id("callers_abandoned")] += 1;
  year.answer_minutes.add((now - call_time) * kMinutesPerHour);
}

void Recorder::called_back(double call_time, int tries) {
  if (!counts(call_time)) return;
  acc_.count[kpi_id("repeat_calls")] += 1;
  if (tries == 2) acc_.count[kpi_id("callers_retried")] += 1;
}

void Recorder::assessment_started(const AssessmentWait& wait) {
  if (!collecting_) return;
  acc_.assessment_wait_days.add(wait.days);
  year_now().assessment_wait_days.add(wait.days);
  if (wait.late) acc_.assessments_late += 1;
  if (wait.past_grace) acc_.assessments_late_past_grace += 1;
}

void Recorder::assessment_done() {
  if (!collecting_) return;
  count(kpi_id("assessments_done"));
  year_now().count[kpi_id("assessments_done")] += 1;
  acc_.month.assessments += 1;
  ledger_.charge(CostLine::Assessments, sc_.budget.assessment_cost_yen);
}

void Recorder::search_started(double call_time, TimeBand band) {
  if (!counts(call_time)) return;
  acc_.searches += 1;
  acc_.searches_by_band[static_cast<int>(band)] += 1;
  year_of_call(call_time).searches += 1;
}

void Recorder::facility_contacted(double call_time) {
  if (counts(call_time)) acc_.contacts += 1;
}

void Recorder::search_found_no_bed(double call_time, TimeBand band) {
  if (!counts(call_time)) return;
  acc_.searches_without_bed += 1;
  acc_.without_bed_by_band[static_cast<int>(band)] += 1;
  year_of_call(call_time).searches_without_bed += 1;
  surges_.search_found_no_bed(call_time);
}

void Recorder::search_met_bed_holder(double call_time, BedHolder holder) {
  if (!counts(call_time)) return;
  (holder == BedHolder::Neighbour ? acc_.searches_met_neighbour : acc_.searches_met_respite) += 1;
}

void Recorder::handover_failed(double call_time) {
  if (counts(call_time)) acc_.count[kpi_id("handovers_failed")] += 1;
}

void Recorder::outcome(double call_time, TimeBand band, Outcome outcome, double now) {
  if (!counts(call_time)) return;
  count(kpi_id("outcome_short_stay") + static_cast<std::size_t>(outcome));
  surges_.outcome(call_time, outcome, now);
  const auto b = static_cast<std::size_t>(band);
  acc_.outcomes_by_band[b] += 1;
  YearTally& year = year_of_call(call_time);
  year.count[kpi_id("outcome_short_stay") + static_cast<std::size_t>(outcome)] += 1;
  year.outcomes += 1;
  if (outcome == Outcome::HandedOver || outcome == Outcome::Unresolved) {
    acc_.not_arranged_by_band[b] += 1;
    year.not_arranged += 1;
    if (outcome == Outcome::Unresolved) acc_.month.unresolved += 1;
    return;
  }
  const double hours = now - call_time;
  acc_.arrange_hours.add(hours);
  acc_.arrange_by_band[static_cast<int>(band)].add(hours);
  year.arrange_hours.add(hours);
  acc_.month.arranged += 1;
}

void Recorder::experience_done() {
  if (!collecting_) return;
  count(kpi_id("experience_done"));
  year_now().count[kpi_id("experience_done")] += 1;
  acc_.month.experience_done += 1;
}

void Recorder::experience_preempted() {
  if (!collecting_) return;
  count(kpi_id("experience_preempted"));
  acc_.month.experience_preempted += 1;
}

void Recorder::experience_approved(double requested_at, double now) {
  if (!counts(requested_at)) return;
  count(kpi_id("experience_approvals"));
  acc_.approval_wait_days.add((now - requested_at) / kHoursPerDay);
}

void Recorder::emergency_beds_changed(double now, int delta) {
  emergency_beds_level_.add(now, delta);
  acc_.day.emergency_beds_in_use_max =
      std::max(acc_.day.emergency_beds_in_use_max, static_cast<int>(emergency_beds_level_.level()));
}

void Recorder::census(double now, int beds_in_use, bool every_bed_in_use) {
  if (!collecting_ || now < t_start_ || now >= t_end_) return;
  const double rooms = hub_level_.level();
  acc_.census_days += 1;
  acc_.beds_at_census += beds_in_use;
  if (every_bed_in_use) acc_.census_days_all_beds += 1;
  acc_.rooms_at_census += rooms;
  if (sc_.hub.rooms > 0 && rooms >= sc_.hub.rooms) acc_.census_days_all_rooms += 1;
}

void Recorder::unplanned_beds_changed(double now, int delta) {
  unplanned_beds_level_.add(now, delta);
  if (collecting_ && delta > 0) acc_.bed_days_used += delta;
}

void Recorder::hub_rooms_changed(double now, int delta, int in_use) {
  hub_level_.add(now, delta);
  if (collecting_ && delta > 0) acc_.room_days_used += delta;
  surges_.rooms_full(now, sc_.hub.rooms > 0 && in_use >= sc_.hub.rooms);
  acc_.day.hub_rooms_in_use_max = std::max(acc_.day.hub_rooms_in_use_max, in_use);
  acc_.day.hub_rooms_in_use_min = std::min(acc_.day.hub_rooms_in_use_min, in_use);
}

void Recorder::close_hours(double until, const Coordinators& coordinators) {
  // Every whole hour since the last tick had the staffing set then; ticks fall on the hour, so these are whole
  // hours of one day, and `until` may be the midnight that ends it.
  const double from = collecting_ ? std::max(hours_closed_until_, t_start_) : until;
  if (from < until) {
    ledger_.charge(CostLine::Center, coordinators.staff_cost_yen(from, until));
    const int first = calendar_.hour_of_week(from);
    const int hours = static_cast<int>(std::lround(until - from));
    for (int c = 0; c < coordinators.centers(); ++c) {
      const int on_duty = coordinators.on_duty(c);
      for (int h = 0; h < hours; ++h) acc_.scheduled_hours[c][first + h] += on_duty;
    }
  }
  hours_closed_until_ = until;
}

void Recorder::extra_work(std::span<const ExtraWork> by_center) {
  if (!collecting_) return;
  for (std::size_t c = 0; c < by_center.size(); ++c) {
    const ExtraWork& w = by_center[c];
    ledger_.charge(CostLine::Center, w.overtime_yen + w.call_out_yen);
    ExtraWork& sum = acc_.extra_work[{fiscal_year_, static_cast<int>(c)}];
    sum.overtime_hours += w.overtime_hours;
    year_now().count[kpi_id("overtime_hours")] += w.overtime_hours;
    sum.overtime_yen += w.overtime_yen;
    sum.call_outs += w.call_outs;
    sum.call_out_hours += w.call_out_hours;
    sum.call_out_yen += w.call_out_yen;
  }
}

bool Recorder::closes_day_ending(double midnight) const {
  return collecting_ && midnight - kHoursPerDay >= t_start_;
}

void Recorder::close_day(double now, double bed_hours_now, int beds_in_use_now) {
  charge_day_costs();
  // At the midnight before a dated change there takes effect: the rooms in force are the day's own.
  if (sc_.hub.rooms > 0) {
    acc_.hub_days += 1;
    acc_.hub_days_none_in_use += acc_.day.hub_rooms_in_use_max == 0 ? 1 : 0;
    acc_.hub_days_all_in_use += acc_.day.hub_rooms_in_use_max >= sc_.hub.rooms ? 1 : 0;
  }
  acc_.day.short_stay_beds_in_use_mean = (bed_hours_now - acc_.beds_integral_at_day_start) / kHoursPerDay;
  acc_.days.push_back(acc_.day);
  begin_day(now, bed_hours_now, beds_in_use_now);
}

void Recorder::charge_day_costs() {
  // Yearly amounts are spread over the days of their own fiscal year (365 or 366); charged before midnight
  // moves the model into the next day's fiscal year.
  const double days_in_year = days_in_fiscal_year_;
  for (const Center& c : sc_.centers) ledger_.charge(CostLine::Center, c.fixed_cost_per_year_yen / days_in_year);
  ledger_.charge(CostLine::Hub, sc_.hub.fixed_cost_per_year_yen / days_in_year);
  ledger_.charge(CostLine::Training, sc_.budget.training_per_year_yen / days_in_year);
  ledger_.charge(CostLine::ExperienceAdvice, sc_.budget.advice_per_year_yen / days_in_year);
  for (const EmergencyPlace& p : sc_.emergency_places)
    if (p.in_service) ledger_.charge(CostLine::EmergencyPlaces, p.fixed_cost_per_year_yen / days_in_year);
  for (const Facility& f : sc_.facilities) {
    if (f.in_service) ledger_.charge(CostLine::ReservedBeds, f.reserved_emergency_beds * f.reserved_bed_fee_per_day_yen);
  }
}

void Recorder::count_capacity(double now) {
  if (collecting_) {
    int beds = 0, ordinary_beds = 0, shared_beds = 0;
    for (const Facility& f : sc_.facilities) {
      if (!f.in_service) continue;
      beds += f.beds;
      ordinary_beds += f.beds - f.reserved_emergency_beds;
      shared_beds += f.wide_area.beds;
    }
    const double hours = now - capacity_since_;
    acc_.bed_hours_in_force += beds * hours;
    acc_.ordinary_bed_hours_in_force += ordinary_beds * hours;
    acc_.shared_bed_hours_in_force += shared_beds * hours;
    acc_.room_hours_in_force += sc_.hub.rooms * hours;
  }
  capacity_since_ = now;
}

void Recorder::plan_changing(double now) { count_capacity(now); }

void Recorder::enter_fiscal_year(int fy) {
  ledger_.set_fiscal_year(fy);  // also after the ledger was reset at the end of the warm-up
  if (fy == fiscal_year_ && days_in_fiscal_year_ > 0) return;
  fiscal_year_ = fy;
  const auto april_first = [](int y) { return std::chrono::sys_days{std::chrono::year{y} / std::chrono::April / 1}; };
  days_in_fiscal_year_ = static_cast<double>((april_first(fy + 1) - april_first(fy)).count());
}

bool Recorder::closes_month_starting(double midnight) const {
  return collecting_ && midnight > t_start_ && static_cast<unsigned>(calendar_.ymd_at(midnight).day()) == 1;
}

void Recorder::close_month(double now, int registrants, int backlog) {
  MonthRecord& m = acc_.month;
  m.registrants_end = registrants;
  m.assessment_backlog_end = backlog;
  m.cost_yen = ledger_.take_month_total();
  acc_.months.push_back(m);
  const auto ymd = calendar_.ymd_at(now);
  m = MonthRecord{};
  m.year = static_cast<int>(ymd.year());
  m.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  m.fiscal_year = calendar_.fiscal_year(now);
}

}  // namespace kyoten::hub
