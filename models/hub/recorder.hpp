#pragma once
// What a run records: the statistics window (nothing before the warm-up ends counts), the KPI counts and
// tallies, the time-weighted levels, the money by fiscal year, and the daily and monthly records with their
// closing at midnight. The other parts of the model report what happened; only the recorder decides whether
// it counts.
#include <array>
#include <map>
#include <span>
#include <utility>
#include <vector>

#include "models/hub/coordinators.hpp"
#include "models/hub/cost_ledger.hpp"
#include "models/hub/registrant.hpp"
#include "models/hub/results.hpp"
#include "models/hub/scenario.hpp"
#include "models/hub/surge_windows.hpp"
#include "models/hub/year_tally.hpp"
#include "sim/stats/tally.hpp"
#include "sim/time/civil_calendar.hpp"

namespace kyoten::hub {

// Who held a bed of a full facility the coordinator called.
enum class BedHolder : std::uint8_t { Neighbour, Respite };

// The model's state at the end of the horizon, for the KPIs that read it.
struct EndState {
  int registrants = 0;
  int assessment_backlog = 0;
  // Of the backlog, those already past their deadline (and past any extra grace): late whatever happens next.
  int assessments_overdue = 0, assessments_overdue_past_grace = 0;
  double bed_hours = 0;  // short-stay bed-hours in use since statistics started
  double planned_bed_hours = 0;  // of which planned stays
  int planned_stays_admitted = 0;
  int planned_stays_requested = 0;
  int planned_stays_refused = 0;
  double neighbour_bed_hours = 0;  // wide-area beds held by the neighbours' stays
  int neighbour_stays_admitted = 0;
  int neighbour_stays_refused = 0;
  double respite_bed_hours = 0, respite_wanted_bed_hours = 0;
};

class Recorder {
 public:
  Recorder(const Scenario& scenario, const sim::CivilCalendar& calendar, double t_start, double t_end);

  [[nodiscard]] bool collecting() const { return collecting_; }
  // A case enters the statistics only if its call came after the warm-up.
  [[nodiscard]] bool counts(double call_time) const { return collecting_ && call_time >= t_start_; }

  // The end of the warm-up: everything recorded so far is dropped and the levels restart from their values now.
  // Then begin_day() with the bed-hours as of now.
  void start(double now);
  void begin_day(double now, double bed_hours_now, int beds_in_use_now);
  // The daily count at the census hour: short-stay beds in use (the hub rooms are known here).
  // `every_bed_in_use`: no facility had a short-stay bed free for an emergency.
  void census(double now, int beds_in_use, bool every_bed_in_use);

  // Events
  void count(std::size_t kpi, double n = 1) {
    if (collecting_) acc_.count[kpi] += n;
  }
  void charge(CostLine line, double yen) {
    if (collecting_) ledger_.charge(line, yen);
  }
  void registration();
  void call(TimeBand band, bool emergency, double call_time);
  void answered(double call_time, double now);
  // A waiting caller hung up (for good: they will not call back); a caller called back, on their tries-th call.
  void hung_up(double call_time, double now, bool for_good);
  void called_back(double call_time, int tries);
  // An assessment starts after `wait` (registrant.hpp: its days, and whether late and past its grace).
  void assessment_started(const AssessmentWait& wait);
  void assessment_done();
  void search_started(double call_time, TimeBand band);
  void facility_contacted(double call_time);
  void search_found_no_bed(double call_time, TimeBand band);
  // A search met a full facility where a neighbour's stay or daytime respite held a bed (once per search each).
  void search_met_bed_holder(double call_time, BedHolder holder);
  // A hand-over found the case workers' office closed for longer than the case can wait (it ends unresolved).
  void handover_failed(double call_time);
  void outcome(double call_time, TimeBand band, Outcome outcome, double now);
  void experience_done();
  void experience_preempted();
  // The coordination meeting approved a first request made at `requested_at`.
  void experience_approved(double requested_at, double now);

  // Levels, each changed by `delta` at `now`; the current level where a daily extreme is kept.
  void backlog_changed(double now, int delta) { backlog_level_.add(now, delta); }
  void emergency_beds_changed(double now, int delta);
  void hub_rooms_changed(double now, int delta, int in_use);
  void unplanned_beds_changed(double now, int delta);
  // Work beyond the schedule per center, paid and counted in the fiscal year now in force.
  void extra_work(std::span<const ExtraWork> by_center);
  // Bed-hours of emergency and experience stays since statistics started (planned ones are in each facility).
  [[nodiscard]] double unplanned_bed_hours(double now) const { return unplanned_beds_level_.integral(now); }

  // Closing. The clock ticks on the hour: close_hours() charges the staffed hours since the last tick. At a
  // midnight the day that ended is closed (if it counts) and charged to its own fiscal year, then the fiscal
  // year moves on, then the month is closed if a new one begins.
  void close_hours(double until, const Coordinators& coordinators);
  [[nodiscard]] double hours_closed_until() const { return hours_closed_until_; }
  [[nodiscard]] bool closes_day_ending(double midnight) const;
  void close_day(double now, double bed_hours_now, int beds_in_use_now);
  void enter_fiscal_year(int fy);
  [[nodiscard]] bool closes_month_starting(double midnight) const;
  void close_month(double now, int registrants, int backlog);
  // A dated change of plan is about to take effect at `now`: the beds and hub rooms in force until now are
  // counted at their old numbers (occupancies divide by the beds and rooms in force hour by hour).
  void plan_changing(double now);

  // The KPIs, records and costs of the run (hub_results.cpp); the coordinators' hours are read up to now.
  ReplicationResult results(double now, const EndState& end, Coordinators& coordinators);

 private:
  // Result accumulators, reset when statistics start (after warm-up).
  struct Accumulators {
    std::array<double, kKpiCount> count{};
    sim::Tally answer_minutes{true};
    sim::Tally arrange_hours{true};
    std::array<sim::Tally, kTimeBands> arrange_by_band{};
    // Emergencies that reached any outcome, and those the hub did not arrange (handed over or unresolved), by
    // the band of the call.
    std::array<double, kTimeBands> outcomes_by_band{}, not_arranged_by_band{};
    double searches = 0, searches_without_bed = 0, contacts = 0;
    std::array<double, kTimeBands> searches_by_band{}, without_bed_by_band{};
    double searches_met_neighbour = 0, searches_met_respite = 0;
    sim::Tally approval_wait_days;
    sim::Tally assessment_wait_days;
    double assessments_late = 0;             // started after the standard deadline (grace_days)
    double assessments_late_past_grace = 0;  // started after the deadline plus any extra grace
    std::vector<std::array<double, sim::kHoursPerWeek>> scheduled_hours;  // per center: coordinators on duty
    std::map<std::pair<int, int>, ExtraWork> extra_work;  // by (fiscal year, center)
    double hub_days = 0, hub_days_none_in_use = 0, hub_days_all_in_use = 0;  // days with hub rooms in force
    double bed_hours_in_force = 0, room_hours_in_force = 0;
    double ordinary_bed_hours_in_force = 0;  // beds not reserved for emergencies: those planned stays may use
    double shared_bed_hours_in_force = 0;    // wide-area beds neighbours may use
    // 延べ利用日数: every calendar day a stay touches counts one — the stays in at the start of each day plus
    // those that begin during it (planned admissions are added at the end, from the facilities).
    double bed_days_used = 0, room_days_used = 0;
    double census_days = 0, beds_at_census = 0, rooms_at_census = 0, census_days_all_rooms = 0;
    double census_days_all_beds = 0;
    double beds_integral_at_day_start = 0;
    MonthRecord month;
    DayRecord day;
    std::vector<MonthRecord> months;
    std::vector<DayRecord> days;
    std::vector<YearTally> years;  // each fiscal year the statistics window touches, from its first
  };
  void charge_day_costs();
  // The fiscal year a case called at `call_time` counts in, and the one in force now.
  YearTally& year_of_call(double call_time);
  YearTally& year_now();
  // Beds in service and hub rooms of the plan in force, times the hours since the last count.
  void count_capacity(double now);

  const Scenario& sc_;
  const sim::CivilCalendar& calendar_;
  double t_start_, t_end_;
  bool collecting_ = false;
  double hours_closed_until_ = 0;
  int fiscal_year_ = 0;
  double days_in_fiscal_year_ = 0;
  double capacity_since_ = 0;

  sim::TimeWeighted backlog_level_, emergency_beds_level_, hub_level_;
  sim::TimeWeighted unplanned_beds_level_;  // emergency and experience stays; planned ones are in each FacilityState
  CostLedger ledger_;
  Accumulators acc_;
  SurgeWindows surges_;  // surges lie inside the horizon, after the warm-up: never reset
};

}  // namespace kyoten::hub
