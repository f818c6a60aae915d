// Running one replication, and turning the recorder's accumulators into the KPIs of results.hpp.
#include <cmath>
#include <limits>
#include <optional>

#include "models/hub/hub_model.hpp"
#include "models/hub/hub_simulation.hpp"
#include "models/hub/recorder.hpp"
#include "models/hub/parameter_draws.hpp"

namespace kyoten::hub {
namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
using sim::kHoursPerDay;
double ratio(double a, double b) { return b > 0 ? a / b : kNaN; }
}  // namespace

ReplicationResult simulate_replication(const Scenario& scenario, std::uint64_t seed, std::uint64_t replication) {
  // Only a scenario with uncertain parameters is copied, to hold this replication's draw.
  std::vector<double> drawn;
  std::optional<Scenario> with_draws;
  if (!scenario.uncertain.empty()) with_draws = draw_parameters(scenario, seed, replication, drawn);
  HubSimulation sim(with_draws ? *with_draws : scenario, seed, replication);
  ReplicationResult r = sim.run();
  r.replication = replication;
  r.parameters = std::move(drawn);
  return r;
}

ReplicationResult Recorder::results(double now, const EndState& end, Coordinators& coordinators) {
  ReplicationResult out;
  auto& k = out.kpi;
  k = acc_.count;
  const auto set = [&](std::string_view key, double v) { k[kpi_index(key)] = v; };
  const double span = now - t_start_;
  count_capacity(now);
  // Beds and rooms in force on average over the window (constant unless a dated change altered them).
  const double beds = span > 0 ? acc_.bed_hours_in_force / span : 0.0;
  const double rooms = span > 0 ? acc_.room_hours_in_force / span : 0.0;
  set("registrants_end", end.registrants);
  set("answer_mean_min", acc_.answer_minutes.mean());
  set("callers_abandoned_share", ratio(k[kpi_index("callers_abandoned")], k[kpi_index("calls")]));
  set("callers_retried_share", ratio(k[kpi_index("callers_retried")], k[kpi_index("calls")]));
  set("answer_p90_min", acc_.answer_minutes.quantile(0.9));
  set("arrange_mean_h", acc_.arrange_hours.mean());
  set("arrange_p90_h", acc_.arrange_hours.quantile(0.9));
  // Headline shares count every emergency that reached an outcome: a hand-over or an unresolved case is one the
  // hub did not arrange, so giving up sooner cannot raise them.
  double outcomes = 0, not_arranged = 0;
  for (int b = 0; b < kTimeBands; ++b) {
    outcomes += acc_.outcomes_by_band[b];
    not_arranged += acc_.not_arranged_by_band[b];
  }
  const auto arranged_within = [&](double hours) {
    double n = 0;
    for (double v : acc_.arrange_hours.values()) n += v <= hours ? 1 : 0;
    return n;
  };
  set("arrange_within_2h", ratio(arranged_within(2), outcomes));
  set("arrange_within_4h", ratio(arranged_within(4), outcomes));
  set("arrange_within_24h", ratio(arranged_within(24), outcomes));
  set("arrange_within_4h_if_arranged", ratio(arranged_within(4), static_cast<double>(acc_.arrange_hours.count())));
  set("not_arranged_share", ratio(not_arranged, outcomes));
  for (int b = 0; b < kTimeBands; ++b) {
    k[kpi_index("arrange_mean_h_weekday_daytime") + b] = acc_.arrange_by_band[b].mean();
    k[kpi_index("not_arranged_weekday_daytime") + b] = ratio(acc_.not_arranged_by_band[b], acc_.outcomes_by_band[b]);
    k[kpi_index("p_no_bed_weekday_daytime") + b] = ratio(acc_.without_bed_by_band[b], acc_.searches_by_band[b]);
  }
  set("assessment_wait_days_mean", acc_.assessment_wait_days.mean());
  // An assessment still awaited at the end but already past its deadline is late whatever happens next: left
  // out, a backlog that outgrows the deadline would read as no lateness at all until the run ends.
  const double started = static_cast<double>(acc_.assessment_wait_days.count());
  set("assessments_late_share",
      ratio(acc_.assessments_late + end.assessments_overdue, started + end.assessments_overdue));
  set("assessments_late_past_grace_share", ratio(acc_.assessments_late_past_grace + end.assessments_overdue_past_grace,
                                                 started + end.assessments_overdue_past_grace));
  set("p_no_bed", ratio(acc_.searches_without_bed, acc_.searches));
  set("contacts_per_search", ratio(acc_.contacts, acc_.searches));
  set("bed_occupancy", ratio(end.bed_hours / span, beds));
  set("planned_occupancy_realised", ratio(end.planned_bed_hours, acc_.ordinary_bed_hours_in_force));
  set("planned_stays_refused", end.planned_stays_refused);
  set("planned_refused_share", ratio(end.planned_stays_refused, end.planned_stays_requested));
  set("neighbour_stays", end.neighbour_stays_admitted);
  set("neighbour_stays_refused", end.neighbour_stays_refused);
  set("shared_beds_held_by_neighbours", ratio(end.neighbour_bed_hours, acc_.shared_bed_hours_in_force));
  set("searches_met_neighbour_stay", ratio(acc_.searches_met_neighbour, acc_.searches));
  set("respite_bed_hours", end.respite_bed_hours);
  set("respite_shortfall_share", ratio(end.respite_wanted_bed_hours - end.respite_bed_hours, end.respite_wanted_bed_hours));
  set("searches_met_respite", ratio(acc_.searches_met_respite, acc_.searches));
  set("experience_approval_wait_days_mean", acc_.approval_wait_days.mean());
  // 延べ利用日数: a neighbour's stay is a short stay too; daytime respite is not (日中一時 is another service).
  const double bed_days_used = acc_.bed_days_used + end.planned_stays_admitted + end.neighbour_stays_admitted;
  set("bed_days_used", bed_days_used);
  set("bed_days_integral", end.bed_hours / kHoursPerDay);
  set("beds_in_use_census", ratio(acc_.beds_at_census, acc_.census_days));
  set("bed_days_all_in_use_census", ratio(acc_.census_days_all_beds, acc_.census_days));
  set("emergency_bed_days", emergency_beds_level_.integral(now) / kHoursPerDay);
  if (rooms > 0) {
    set("hub_room_days_used", acc_.room_days_used);
    set("hub_room_days_integral", hub_level_.integral(now) / kHoursPerDay);
    set("hub_rooms_in_use_census", ratio(acc_.rooms_at_census, acc_.census_days));
    set("hub_days_all_in_use_census", ratio(acc_.census_days_all_rooms, acc_.census_days));
    set("hub_room_occupancy", hub_level_.mean(now) / rooms);
    set("hub_days_none_in_use", ratio(acc_.hub_days_none_in_use, acc_.hub_days));
    set("hub_days_all_in_use", ratio(acc_.hub_days_all_in_use, acc_.hub_days));
  } else {
    for (const char* key : {"hub_room_occupancy", "hub_days_none_in_use", "hub_days_all_in_use", "hub_room_days_used",
                            "hub_room_days_integral", "hub_rooms_in_use_census", "hub_days_all_in_use_census"}) {
      set(key, kNaN);
    }
  }
  // Utilisation counts only time within the schedule, so no share exceeds 1; overtime is reported beside it.
  std::array<double, sim::kHoursPerWeek> busy_hours{}, scheduled_hours{};
  for (int c = 0; c < coordinators.centers(); ++c) {
    const StaffHours& hours = coordinators.staff_hours(c, now);
    for (int d = 0; d < kDuties; ++d) {
      StaffRecord& rec = out.staff.emplace_back(StaffRecord{c, d, acc_.scheduled_hours[c], hours.busy[d], hours.overtime[d]});
      for (int h = 0; h < sim::kHoursPerWeek; ++h) busy_hours[h] += rec.busy_hours[h];
    }
    for (int h = 0; h < sim::kHoursPerWeek; ++h) scheduled_hours[h] += acc_.scheduled_hours[c][h];
  }
  double busy = 0, scheduled = 0;
  for (int h = 0; h < sim::kHoursPerWeek; ++h) {
    busy += busy_hours[h];
    scheduled += scheduled_hours[h];
    out.staff_utilisation[h] = ratio(busy_hours[h], scheduled_hours[h]);
  }
  set("staff_utilisation", ratio(busy, scheduled));
  ExtraWork extra;
  for (const auto& [key, w] : acc_.extra_work) {
    out.overtime.push_back(OvertimeRecord{key.first, key.second, w});
    extra.overtime_hours += w.overtime_hours;
    extra.call_outs += w.call_outs;
    extra.call_out_hours += w.call_out_hours;
  }
  set("overtime_hours", extra.overtime_hours);
  set("call_outs", extra.call_outs);
  set("call_out_hours", extra.call_out_hours);
  set("assessment_backlog_mean", span > 0 ? backlog_level_.mean(now) : kNaN);
  set("assessment_backlog_end", end.assessment_backlog);
  set("cost_total_yen", ledger_.total());
  set("cost_per_emergency_yen", ratio(ledger_.total(), static_cast<double>(acc_.arrange_hours.count())));

  for (const YearTally& year : acc_.years) out.years.push_back(year.record());
  out.months = std::move(acc_.months);
  out.days = std::move(acc_.days);
  out.costs = ledger_.records();
  out.surges = surges_.results(now, sc_.hub.rooms > 0);
  return out;
}

}  // namespace kyoten::hub
