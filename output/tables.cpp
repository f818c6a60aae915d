#include "output/tables.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <limits>

#include "models/hub/parameter_draws.hpp"
#include "output/budget_risk.hpp"
#include "output/vocabulary.hpp"
#include "sim/time/civil_calendar.hpp"

namespace kyoten::output {
namespace {

using Emit = std::function<void(const Row&)>;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
using hub::ReplicationResult;

std::int64_t as_integer(std::uint64_t v) { return static_cast<std::int64_t>(v); }

Table kpis_table(std::span<const ReplicationResult> results) {
  Table t{"kpis", {{"replication", ColumnType::Integer}}, {}};
  for (const hub::KpiInfo& k : hub::kKpis) t.columns.push_back({k.key, ColumnType::Real});
  t.for_each_row = [results](const Emit& emit) {
    Row row;
    for (const ReplicationResult& r : results) {
      row.assign({as_integer(r.replication)});
      for (double v : r.kpi) row.emplace_back(v);
      emit(row);
    }
  };
  return t;
}

Table monthly_table(std::span<const ReplicationResult> results) {
  Table t{"monthly",
          {{"replication", ColumnType::Integer},
           {"month", ColumnType::Text},
           {"fiscal_year", ColumnType::Integer},
           {"registrants_end", ColumnType::Real},
           {"registrations", ColumnType::Real},
           {"calls", ColumnType::Real},
           {"emergencies", ColumnType::Real},
           {"arranged", ColumnType::Real},
           {"unresolved", ColumnType::Real},
           {"assessments", ColumnType::Real},
           {"assessment_backlog_end", ColumnType::Real},
           {"experience_done", ColumnType::Real},
           {"experience_preempted", ColumnType::Real},
           {"cost_yen", ColumnType::Real}},
          {}};
  t.for_each_row = [results](const Emit& emit) {
    for (const ReplicationResult& r : results)
      for (const hub::MonthRecord& m : r.months)
        emit({as_integer(r.replication), fmt::format("{:04}-{:02}", m.year, m.month), std::int64_t{m.fiscal_year},
              m.registrants_end, m.registrations, m.calls, m.emergencies, m.arranged, m.unresolved, m.assessments,
              m.assessment_backlog_end, m.experience_done, m.experience_preempted, m.cost_yen});
  };
  return t;
}

Table daily_table(const hub::Scenario& scenario, std::span<const ReplicationResult> results) {
  Table t{"daily",
          {{"replication", ColumnType::Integer},
           {"date", ColumnType::Text},
           {"hub_rooms_in_use_max", ColumnType::Integer},
           {"hub_rooms_in_use_min", ColumnType::Integer},
           {"emergency_beds_in_use_max", ColumnType::Integer},
           {"short_stay_beds_in_use_mean", ColumnType::Real}},
          {}};
  t.for_each_row = [&scenario, results](const Emit& emit) {
    for (const ReplicationResult& r : results)
      for (std::size_t d = 0; d < r.days.size(); ++d) {
        const hub::DayRecord& day = r.days[d];
        const auto date = scenario.horizon.start + std::chrono::days{static_cast<int>(d)};
        emit({as_integer(r.replication), sim::iso_date(date), std::int64_t{day.hub_rooms_in_use_max},
              std::int64_t{day.hub_rooms_in_use_min}, std::int64_t{day.emergency_beds_in_use_max},
              day.short_stay_beds_in_use_mean});
      }
  };
  return t;
}

Table staff_utilisation_table(const hub::Scenario& scenario, std::span<const ReplicationResult> results) {
  Table t{"staff_utilisation",
          {{"replication", ColumnType::Integer},
           {"center", ColumnType::Text},
           {"duty", ColumnType::Text},
           {"hour_of_week", ColumnType::Integer},
           {"weekday", ColumnType::Integer},
           {"hour", ColumnType::Integer},
           {"scheduled_hours", ColumnType::Real},
           {"busy_hours", ColumnType::Real},
           {"overtime_hours", ColumnType::Real},
           {"utilisation", ColumnType::Real}},
          {}};
  // Per center: a row for all duties together ("all"), then one per duty.
  t.for_each_row = [&scenario, results](const Emit& emit) {
    const auto emit_hours = [&](std::uint64_t replication, const std::string& center, const char* duty,
                                const hub::StaffRecord& s) {
      for (std::size_t h = 0; h < s.busy_hours.size(); ++h) {
        const auto hour_of_week = static_cast<std::int64_t>(h);
        const double scheduled = s.scheduled_hours[h];
        // NaN (an empty field, NULL) where nobody was on duty.
        const double utilisation = scheduled > 0 ? s.busy_hours[h] / scheduled : kNaN;
        emit({as_integer(replication), center, std::string(duty), hour_of_week, hour_of_week / sim::kHoursPerDay,
              hour_of_week % sim::kHoursPerDay, scheduled, s.busy_hours[h], s.overtime_hours[h], utilisation});
      }
    };
    for (const ReplicationResult& r : results) {
      for (std::size_t first = 0; first < r.staff.size();) {
        const int center = r.staff[first].center;
        hub::StaffRecord all{center, -1, r.staff[first].scheduled_hours, {}, {}};
        std::size_t end = first;
        for (; end < r.staff.size() && r.staff[end].center == center; ++end) {
          for (std::size_t h = 0; h < all.busy_hours.size(); ++h) {
            all.busy_hours[h] += r.staff[end].busy_hours[h];
            all.overtime_hours[h] += r.staff[end].overtime_hours[h];
          }
        }
        const std::string& name = scenario.centers[static_cast<std::size_t>(center)].name;
        emit_hours(r.replication, name, "all", all);
        for (std::size_t i = first; i < end; ++i) emit_hours(r.replication, name, hub::kDutyKeys[r.staff[i].duty], r.staff[i]);
        first = end;
      }
    }
  };
  return t;
}

Table overtime_table(const hub::Scenario& scenario, std::span<const ReplicationResult> results) {
  Table t{"overtime",
          {{"replication", ColumnType::Integer},
           {"fiscal_year", ColumnType::Integer},
           {"center", ColumnType::Text},
           {"overtime_hours", ColumnType::Real},
           {"overtime_yen", ColumnType::Real},
           {"call_outs", ColumnType::Real},
           {"call_out_hours", ColumnType::Real},
           {"call_out_yen", ColumnType::Real}},
          {}};
  t.for_each_row = [&scenario, results](const Emit& emit) {
    for (const ReplicationResult& r : results)
      for (const hub::OvertimeRecord& o : r.overtime)
        emit({as_integer(r.replication), std::int64_t{o.fiscal_year},
              scenario.centers[static_cast<std::size_t>(o.center)].name, o.work.overtime_hours, o.work.overtime_yen,
              o.work.call_outs, o.work.call_out_hours, o.work.call_out_yen});
  };
  return t;
}

Table costs_table(std::span<const ReplicationResult> results) {
  Table t{"costs",
          {{"replication", ColumnType::Integer},
           {"fiscal_year", ColumnType::Integer},
           {"line", ColumnType::Text},
           {"yen", ColumnType::Real}},
          {}};
  t.for_each_row = [results](const Emit& emit) {
    for (const ReplicationResult& r : results)
      for (const hub::CostRecord& c : r.costs)
        emit({as_integer(r.replication), std::int64_t{c.fiscal_year}, c.line, c.yen});
  };
  return t;
}

// The scenario's budget lines, each with its risk (budget_risk.hpp); the risk columns are empty for a fiscal
// year the horizon does not reach.
Table budget_table(const hub::Scenario& scenario, std::span<const ReplicationResult> results) {
  Table t{"budget",
          {{"fiscal_year", ColumnType::Integer},
           {"line", ColumnType::Text},
           {"yen", ColumnType::Real},
           {"compared_yen", ColumnType::Real},
           {"days_simulated", ColumnType::Integer},
           {"days_in_year", ColumnType::Integer},
           {"cost_mean", ColumnType::Real},
           {"cost_p5", ColumnType::Real},
           {"cost_p95", ColumnType::Real},
           {"p_over_budget", ColumnType::Real},
           {"p_over_budget_ci_low", ColumnType::Real},
           {"p_over_budget_ci_high", ColumnType::Real},
           {"probable_unit_error", ColumnType::Integer}},
          {}};
  t.for_each_row = [&scenario, results](const Emit& emit) {
    const BudgetView view = budget_view(results, scenario.budget, scenario.horizon, hub::replications_per_draw(scenario));
    for (const hub::Budget::Line& b : scenario.budget.lines) {
      const auto risk = std::find_if(view.risks.begin(), view.risks.end(), [&b](const BudgetRisk& r) {
        return r.fiscal_year == b.fiscal_year && r.line == b.line;
      });
      if (risk == view.risks.end()) {
        emit({std::int64_t{b.fiscal_year}, b.line, b.yen, kNaN, std::int64_t{0},
              std::int64_t{days_in_fiscal_year(b.fiscal_year)}, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, std::int64_t{0}});
        continue;
      }
      emit({std::int64_t{b.fiscal_year}, b.line, b.yen, risk->compared_yen, std::int64_t{risk->days_simulated},
            std::int64_t{risk->days_in_year}, risk->cost_mean, risk->cost_p5, risk->cost_p95, risk->p_over,
            risk->p_over_low, risk->p_over_high, std::int64_t{risk->probable_unit_error ? 1 : 0}});
    }
  };
  return t;
}

}  // namespace

Table parameters_table(const hub::Scenario& scenario, std::span<const ReplicationResult> results) {
  Table t{"parameters",
          {{"replication", ColumnType::Integer},
           {"parameter_set", ColumnType::Integer},
           {"parameter", ColumnType::Text},
           {"value", ColumnType::Real}},
          {}};
  t.for_each_row = [names = hub::parameter_names(scenario), group = hub::replications_per_draw(scenario),
                    results](const Emit& emit) {
    for (const ReplicationResult& r : results)
      for (std::size_t i = 0; i < r.parameters.size() && i < names.size(); ++i)
        emit({as_integer(r.replication), as_integer(r.replication / group), names[i], r.parameters[i]});
  };
  return t;
}

std::vector<Table> replication_tables(const hub::Scenario& scenario, std::span<const ReplicationResult> results) {
  return {
      kpis_table(results),          monthly_table(results),  daily_table(scenario, results),
      staff_utilisation_table(scenario, results), overtime_table(scenario, results), costs_table(results),
      budget_table(scenario, results)};
}

Table run_table(const RunInfo& info, const hub::Scenario& scenario) {
  Table t{"run",
          {{"kyoten_version", ColumnType::Text},
           {"created", ColumnType::Text},
           {"command", ColumnType::Text},
           {"scenario_file", ColumnType::Text},
           {"scenario_name", ColumnType::Text},
           {"title_ja", ColumnType::Text},
           {"title_en", ColumnType::Text},
           {"seed", ColumnType::Integer},
           {"replications", ColumnType::Integer},
           {"threads", ColumnType::Integer},
           {"horizon_start", ColumnType::Text},
           {"horizon_end", ColumnType::Text},
           {"confidence_level", ColumnType::Real},
           {"scenario", ColumnType::Text},
           {"settings_used", ColumnType::Text}},
          {}};
  t.for_each_row = [&info, &scenario](const Emit& emit) {
    // SQLite integers are signed 64-bit: a seed beyond that is kept exactly as text.
    const Cell seed = info.seed <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())
                          ? Cell{static_cast<std::int64_t>(info.seed)}
                          : Cell{std::to_string(info.seed)};
    emit({info.kyoten_version, info.created, info.command, info.scenario_file, scenario.meta.name,
          scenario.meta.title_ja, scenario.meta.title_en, seed, static_cast<std::int64_t>(info.replications),
          std::int64_t{info.threads}, sim::iso_date(scenario.horizon.start), sim::iso_date(scenario.horizon.end),
          info.confidence_level, info.scenario_json, settings_used_json(scenario).dump()});
  };
  return t;
}

Table kpi_summary_table(const RunSummary& summary) {
  Table t{"kpi_summary",
          {{"key", ColumnType::Text},
           {"label_ja", ColumnType::Text},
           {"label_en", ColumnType::Text},
           {"unit", ColumnType::Text},
           {"headline", ColumnType::Integer},
           {"mean", ColumnType::Real},
           {"ci_low", ColumnType::Real},
           {"ci_high", ColumnType::Real},
           {"sd", ColumnType::Real},
           {"n", ColumnType::Integer},
           {"p2_5", ColumnType::Real},
           {"p50", ColumnType::Real},
           {"p97_5", ColumnType::Real}},
          {}};
  t.for_each_row = [&summary](const Emit& emit) {
    for (const KpiSummary& k : summary.kpis) {
      const hub::KpiInfo& info = hub::kKpis[k.index];
      const Statistic& s = k.stat;
      emit({info.key, info.label_ja, info.label_en, info.unit, std::int64_t{info.headline}, s.mean, s.ci_low, s.ci_high,
            s.sd, static_cast<std::int64_t>(s.n), s.p2_5, s.p50, s.p97_5});
    }
  };
  return t;
}

}  // namespace kyoten::output
