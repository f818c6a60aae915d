#include "output/json_writer.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ostream>

#include "output/surge_report.hpp"
#include "output/vocabulary.hpp"
#include "sim/time/civil_calendar.hpp"

namespace kyoten::output {
namespace {

using json = nlohmann::ordered_json;  // keeps the keys in the order the spec lists them

// nlohmann writes NaN as null already; saying so here keeps the file valid JSON by construction.
json number(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

void add_statistic(json& j, const Statistic& s) {
  j["mean"] = number(s.mean);
  j["ci_low"] = number(s.ci_low);
  j["ci_high"] = number(s.ci_high);
  j["sd"] = number(s.sd);
  j["n"] = s.n;
  j["p2_5"] = number(s.p2_5);
  j["p50"] = number(s.p50);
  j["p97_5"] = number(s.p97_5);
}

// Stochastic and parameter parts of the variance over replications (docs/results-format.md). Without uncertain
// parameters the parameter part is 0 by construction: said so, rather than estimated from noise.
json variance_split_json(const RunSummary& summary) {
  json j = {{"applicable", summary.draw_group > 1}, {"replications_per_draw", summary.draw_group}};
  if (summary.draw_group == 1) {
    j["note"] = "no uncertain parameters: every replication uses the same values, so all variance is stochastic";
    return j;
  }
  j["method"] = "pairs of replications share a parameter draw; stochastic = mean of (y_2k - y_2k+1)^2 / 2, "
                "parameter = max(0, total - stochastic)";
  json outputs = json::array();
  for (const VarianceSplitSummary& v : summary.variance_split)
    outputs.push_back({{"key", v.key},
                       {"label_ja", v.label_ja},
                       {"label_en", v.label_en},
                       {"pairs", v.split.pairs},
                       {"total", number(v.split.total)},
                       {"stochastic", number(v.split.stochastic)},
                       {"parameter", number(v.split.parameter)},
                       {"parameter_share", number(v.split.parameter_share)}});
  j["outputs"] = std::move(outputs);
  return j;
}


// Per budget line and fiscal year: the budget compared (pro-rated to the simulated days), the share of
// replications that overspend it with its Wilson interval, the 90% range of cost, and the unit-error flag.
json budget_risk_json(const BudgetView& view) {
  json risks = json::array();
  for (const BudgetRisk& b : view.risks)
    risks.push_back({{"fiscal_year", b.fiscal_year},
                     {"line", b.line},
                     {"budget_yen", number(b.budget_yen)},
                     {"compared_budget_yen", number(b.compared_yen)},
                     {"basis", b.pro_rated() ? "pro_rated" : "full_year"},
                     {"days_simulated", b.days_simulated},
                     {"days_in_year", b.days_in_year},
                     {"cost_mean", number(b.cost_mean)},
                     {"cost_p5", number(b.cost_p5)},
                     {"cost_p95", number(b.cost_p95)},
                     {"over_budget_replications", b.over_count},
                     {"replications", b.replications},
                     {"p_over_budget", number(b.p_over)},
                     {"p_over_budget_ci_low", number(b.p_over_low)},
                     {"p_over_budget_ci_high", number(b.p_over_high)},
                     {"probable_unit_error", b.probable_unit_error}});
  return risks;
}

json net_cost_json(const BudgetView& view) {
  json net = json::array();
  for (const NetCost& n : view.net)
    net.push_back({{"fiscal_year", n.fiscal_year},
                   {"revenue_mean", number(n.revenue_mean)},
                   {"net_mean", number(n.net_mean)},
                   {"net_p5", number(n.net_p5)},
                   {"net_p95", number(n.net_p95)}});
  return net;
}

// Per fiscal year: the part of the statistics window [horizon start, end) it covers, and its KPIs.
json fiscal_years_json(const hub::Scenario& scenario, const RunSummary& summary) {
  using namespace std::chrono;
  json years = json::array();
  for (const YearSummary& y : summary.years) {
    const sys_days first = std::max(scenario.horizon.start, sys_days{year{y.fiscal_year} / April / 1});
    const sys_days end = std::min(scenario.horizon.end, sys_days{year{y.fiscal_year + 1} / April / 1});
    json kpis = json::array();
    for (std::size_t i = 0; i < y.kpis.size(); ++i) {
      json item = {{"key", hub::kKpis[hub::kYearKpis[i]].key}};
      add_statistic(item, y.kpis[i]);
      kpis.push_back(std::move(item));
    }
    years.push_back({{"fiscal_year", y.fiscal_year},
                     {"start", sim::iso_date(first)},
                     {"end", sim::iso_date(end)},
                     {"days", (end - first).count()},
                     {"kpis", std::move(kpis)}});
  }
  return years;
}

}  // namespace

json summary_json(const RunInfo& info, const hub::Scenario& scenario, const RunSummary& summary) {
  json j = json::object();
  j["format_version"] = kResultsFormatVersion;
  j["kyoten_version"] = info.kyoten_version;
  j["created"] = info.created;
  j["command"] = info.command;
  j["scenario_file"] = info.scenario_file;
  j["overrides"] = info.overrides;
  j["scenario"] = info.scenario_json.empty() ? json::object() : json::parse(info.scenario_json);
  j["scenario_name"] = scenario.meta.name;
  j["title_ja"] = scenario.meta.title_ja;
  j["title_en"] = scenario.meta.title_en;
  j["seed"] = info.seed;
  j["replications"] = info.replications;
  j["threads"] = info.threads;
  if (!info.precision_json.empty()) j["precision"] = json::parse(info.precision_json);  // run --precision
  j["horizon"] = {{"start", sim::iso_date(scenario.horizon.start)}, {"end", sim::iso_date(scenario.horizon.end)}};
  j["confidence_level"] = summary.confidence_level;
  j["settings_used"] = settings_used_json(scenario);

  json kpis = json::array();
  for (const KpiSummary& k : summary.kpis) {
    const hub::KpiInfo& kpi = hub::kKpis[k.index];
    json item = {{"key", kpi.key},
                 {"label_ja", kpi.label_ja},
                 {"label_en", kpi.label_en},
                 {"unit", kpi.unit},
                 {"headline", kpi.headline}};
    add_statistic(item, k.stat);
    kpis.push_back(std::move(item));
  }
  j["kpis"] = std::move(kpis);

  json costs = json::array();
  for (const CostSummary& c : summary.costs) {
    json item = {{"fiscal_year", c.fiscal_year}, {"line", c.line}};
    add_statistic(item, c.stat);
    item["budget_yen"] = c.budget_yen ? json(*c.budget_yen) : json(nullptr);
    costs.push_back(std::move(item));
  }
  j["costs"] = std::move(costs);
  json totals = json::array();
  for (const CostSummary& c : summary.cost_totals) {
    json item = {{"fiscal_year", c.fiscal_year}};
    add_statistic(item, c.stat);
    totals.push_back(std::move(item));
  }
  j["cost_totals"] = std::move(totals);
  j["fiscal_years"] = fiscal_years_json(scenario, summary);
  j["budget_risk"] = budget_risk_json(summary.budget);
  j["net_cost"] = net_cost_json(summary.budget);

  j["variance_split"] = variance_split_json(summary);
  j["surges"] = surges_json(scenario, summary.surges);

  // Beyond the spec's example: the mean utilisation by hour of week (0 = Monday 00:00), null where nobody
  // was on duty, so the report can draw the weekly profile without reading every replication.
  json utilisation = json::array();
  for (double u : summary.staff_utilisation) utilisation.push_back(number(u));
  j["staff_utilisation_by_hour_of_week"] = std::move(utilisation);
  return j;
}

void write_summary_json(std::ostream& out, const RunInfo& info, const hub::Scenario& scenario,
                        const RunSummary& summary) {
  out << summary_json(info, scenario, summary).dump(2) << '\n';
}

}  // namespace kyoten::output
