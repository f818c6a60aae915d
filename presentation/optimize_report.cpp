#include "presentation/optimize_report.hpp"

#include <fmt/format.h>

#include "planning/comparison.hpp"
#include "presentation/display.hpp"

namespace kyoten::presentation {

using planning::ConfigurationOutcome;
using planning::FiscalYearCost;
using planning::OptimizeResult;
using planning::Provenance;
using planning::Status;
using planning::Target;
using planning::TargetCheck;
using planning::add_provenance;
using planning::add_statistic;
using planning::dimensions_json;
using planning::fiscal_year_costs;
using planning::json;
using planning::kpi_column;
using planning::number_or_null;
using planning::point_json;
using planning::point_label;

namespace {

constexpr double kReportLevel = sim::kDefaultConfidenceLevel;
constexpr std::size_t kCostPerEmergency = hub::kpi_index("cost_per_emergency_yen");
constexpr std::size_t kRunnersUp = 3;

std::string status_word(Status s, bool dominated, Language language) {
  const bool ja = language == Language::Japanese;
  switch (s) {
    case Status::Feasible: return ja ? "達成" : "meets targets";
    case Status::Infeasible: return ja ? "未達" : "misses a target";
    case Status::Undecided:
      return dominated ? (ja ? "未確定（より安い達成案あり）" : "undecided (a cheaper one meets them)")
                       : (ja ? "未確定" : "undecided");
  }
  return "";
}

// "12,345 [12,000, 12,700]" in the unit's display scale.
std::string value_with_interval(double mean, double low, double high, std::string_view unit) {
  const ShownUnit u = shown_unit(unit);
  const int decimals = decimals_for(mean * u.scale, (high - low) / 2 * u.scale);
  const std::string m = format_number(mean * u.scale, decimals);
  if (!std::isfinite(low) || !std::isfinite(high)) return m;
  return fmt::format("{} [{}, {}]", m, format_number(low * u.scale, decimals), format_number(high * u.scale, decimals));
}

std::string statistic_text(const output::Statistic& s, std::string_view unit) {
  return value_with_interval(s.mean, s.ci_low, s.ci_high, unit);
}

std::string kpi_label(std::size_t kpi, Language language) {
  return language == Language::Japanese ? hub::kKpis[kpi].label_ja : hub::kKpis[kpi].label_en;
}

std::string unit_suffix(std::string_view unit, Language language) {
  const std::string u = unit_text(shown_unit(unit), language);
  if (u.empty()) return "";
  return language == Language::Japanese ? fmt::format("（{}）", u) : fmt::format(" ({})", u);
}

std::string configuration_table(const OptimizeReport& r, Language language) {
  const bool ja = language == Language::Japanese;
  const auto& cs = r.result.configurations;
  std::vector<std::vector<std::string>> cells;
  std::vector<std::string> header{
      "#", ja ? "設定" : "Settings", ja ? "判定" : "Status", ja ? "反復" : "n",
      kpi_label(r.settings.cost_kpi, language) + unit_suffix(hub::kKpis[r.settings.cost_kpi].unit, language)};
  for (const Target& t : r.settings.targets) header.push_back(t.text + unit_suffix(t.unit(), language));
  cells.push_back(header);
  for (std::size_t i : r.result.ranking) {
    const ConfigurationOutcome& c = cs[i];
    std::vector<std::string> row{std::to_string(i), point_label(r.points[i]),
                                 status_word(c.status, c.dominated, language), std::to_string(c.results.size()),
                                 statistic_text(c.cost, hub::kKpis[r.settings.cost_kpi].unit)};
    for (std::size_t t = 0; t < r.settings.targets.size(); ++t) {
      const TargetCheck& tc = c.checks[t];
      row.push_back(value_with_interval(tc.mean, tc.low, tc.high, r.settings.targets[t].unit()));
    }
    cells.push_back(std::move(row));
  }
  std::vector<bool> right{true, false, false, true, true};
  right.resize(cells.front().size(), true);
  return render_table(cells, right);
}

std::string choice_text(const OptimizeReport& r, Language language) {
  const bool ja = language == Language::Japanese;
  const auto& cs = r.result.configurations;
  if (!r.result.choice) {
    return ja ? "目標を満たすと確認できた設定はない（未確定の設定は反復を増やすか目標を見直す）。\n"
              : "No configuration was shown to meet the targets (for undecided ones, allow more replications or "
                "revisit the targets).\n";
  }
  const std::size_t k = *r.result.choice;
  const ConfigurationOutcome& c = cs[k];
  std::string out = ja ? fmt::format("選択: #{} {}\n", k, point_label(r.points[k]))
                       : fmt::format("Choice: #{} {}\n", k, point_label(r.points[k]));
  out +=
      fmt::format("  {}{}: {}\n", kpi_label(r.settings.cost_kpi, language), unit_suffix(hub::kKpis[r.settings.cost_kpi].unit, language),
                  statistic_text(c.cost, hub::kKpis[r.settings.cost_kpi].unit));
  if (r.settings.cost_kpi != kCostPerEmergency) {
    const output::Statistic per =
        output::summarise_values(kpi_column(c.results, kCostPerEmergency), kReportLevel, r.settings.draw_group);
    out += fmt::format("  {}{}: {}\n", kpi_label(kCostPerEmergency, language), unit_suffix(hub::kKpis[kCostPerEmergency].unit, language),
                       statistic_text(per, "yen"));
  }
  for (const FiscalYearCost& f :
       fiscal_year_costs(c.results, r.scenarios[k]->budget, kReportLevel, r.settings.draw_group)) {
    const std::string budget = f.budget_yen ? format_number(*f.budget_yen / 1000, 0) : "-";
    out +=
        ja ? fmt::format("  費用 {}年度（千円）: {}  予算 {}\n", f.fiscal_year, statistic_text(f.total, "yen"), budget)
           : fmt::format("  Cost FY{} (thousand yen): {}  budget {}\n", f.fiscal_year, statistic_text(f.total, "yen"),
                         budget);
  }
  if (!r.result.choice_clearly_cheapest)
    out += ja ? "  注意: 費用が統計的に区別できない達成案がある（次点を参照）\n"
              : "  Note: some other configurations meeting the targets cost about the same (see the runners-up)\n";

  for (std::size_t i : r.result.ranking)
    if (cs[i].status == Status::Undecided && !cs[i].dominated)
      out += ja ? fmt::format("  注意: #{} {} は{}反復でも判定できず、より安い可能性がある\n", i,
                              point_label(r.points[i]), cs[i].results.size())
                : fmt::format("  Note: #{} {} is still undecided after {} replications and might be cheaper\n", i,
                              point_label(r.points[i]), cs[i].results.size());

  std::string runners;
  std::size_t shown = 0;
  for (std::size_t i : r.result.ranking) {
    if (i == k || cs[i].status != Status::Feasible || shown == kRunnersUp) continue;
    ++shown;
    const sim::ConfidenceInterval& d = cs[i].cost_vs_choice;
    runners +=
        fmt::format("  #{} {}: {} ({} {})\n", i, point_label(r.points[i]),
                    statistic_text(cs[i].cost, hub::kKpis[r.settings.cost_kpi].unit), ja ? "選択との差" : "vs choice",
                    value_with_interval(d.mean, d.low(), d.high(), hub::kKpis[r.settings.cost_kpi].unit));
  }
  if (!runners.empty()) out += (ja ? "次点:\n" : "Runners-up:\n") + runners;
  return out;
}

}  // namespace

std::string format_optimize(const OptimizeReport& r, Language language) {
  const bool ja = language == Language::Japanese;
  const OptimizeResult& res = r.result;
  std::string targets;
  for (const Target& t : r.settings.targets) targets += (targets.empty() ? "" : ", ") + t.text;
  std::string out =
      ja ? fmt::format(
               "{}通りの設定、目標 {}、費用 = {}。反復 {}→最大{}（倍々）、{}回の判定で計{}反復。\n"
               "判定は片側信頼限界（Bonferroni: 1検定あたり α = {:.2g}）。区間は [下限, 上限]。\n\n",
               res.configurations.size(), targets, hub::kKpis[r.settings.cost_kpi].key, r.settings.initial_replications,
               r.settings.max_replications, res.rounds, res.replications_run, res.alpha_per_target_test)
         : fmt::format(
               "{} configurations, targets {}, cost = {}. Replications {} doubling up to {}; rounds: {}, "
               "replications in all: {}.\nTargets are judged by one-sided confidence bounds (Bonferroni: alpha "
               "= {:.2g} per test); intervals show [lower, upper].\n\n",
               res.configurations.size(), targets, hub::kKpis[r.settings.cost_kpi].key, r.settings.initial_replications,
               r.settings.max_replications, res.rounds, res.replications_run, res.alpha_per_target_test);
  out += configuration_table(r, language) + '\n' + choice_text(r, language);
  return out;
}

json optimize_json(const OptimizeReport& r, const Provenance& provenance) {
  const OptimizeResult& res = r.result;
  json j = json::object();
  add_provenance(j, provenance);
  j["scenario_file"] = r.scenario_file;
  j["space"] = dimensions_json(r.space);
  json targets = json::array();
  for (const Target& t : r.settings.targets) targets.push_back(t.text);
  j["targets"] = std::move(targets);
  j["cost_kpi"] = hub::kKpis[r.settings.cost_kpi].key;
  j["scheme"] = {{"name", "sequential screening with Bonferroni feasibility checks"},
                 {"initial_replications", r.settings.initial_replications},
                 {"max_replications", r.settings.max_replications},
                 {"alpha", r.settings.alpha},
                 {"looks", res.looks},
                 {"rounds", res.rounds},
                 {"alpha_per_target_test", res.alpha_per_target_test},
                 {"alpha_per_cost_test", res.alpha_per_cost_test},
                 {"replications_run", res.replications_run}};
  j["choice"] = res.choice ? json(*res.choice) : json(nullptr);
  j["choice_clearly_cheapest"] = res.choice_clearly_cheapest;
  j["ranking"] = res.ranking;
  json configs = json::array();
  for (std::size_t i = 0; i < res.configurations.size(); ++i) {
    const ConfigurationOutcome& c = res.configurations[i];
    json item = {{"index", i},
                 {"settings", point_json(r.points[i])},
                 {"status", status_key(c.status)},
                 {"dominated", c.dominated},
                 {"replications", c.results.size()}};
    json checks = json::array();
    for (std::size_t t = 0; t < c.checks.size(); ++t)
      checks.push_back({{"target", r.settings.targets[t].text},
                        {"status", status_key(c.checks[t].status)},
                        {"mean", number_or_null(c.checks[t].mean)},
                        {"lower_bound", number_or_null(c.checks[t].low)},
                        {"upper_bound", number_or_null(c.checks[t].high)},
                        {"n", c.checks[t].n}});
    item["targets"] = std::move(checks);
    json cost = json::object();
    add_statistic(cost, c.cost);
    item["cost"] = std::move(cost);
    item["cost_vs_choice"] = {{"difference", number_or_null(c.cost_vs_choice.mean)},
                              {"ci_low", number_or_null(c.cost_vs_choice.low())},
                              {"ci_high", number_or_null(c.cost_vs_choice.high())},
                              {"n", c.cost_vs_choice.n}};
    json per = json::object();
    add_statistic(per,
                  output::summarise_values(kpi_column(c.results, kCostPerEmergency), kReportLevel, r.settings.draw_group));
    item["cost_per_emergency_yen"] = std::move(per);
    json years = json::array();
    for (const FiscalYearCost& f :
         fiscal_year_costs(c.results, r.scenarios[i]->budget, kReportLevel, r.settings.draw_group)) {
      json fj = {{"fiscal_year", f.fiscal_year}};
      add_statistic(fj, f.total);
      fj["budget_yen"] = number_or_null(f.budget_yen);
      years.push_back(std::move(fj));
    }
    item["cost_by_fiscal_year"] = std::move(years);
    configs.push_back(std::move(item));
  }
  j["configurations"] = std::move(configs);
  return j;
}

}  // namespace kyoten::presentation
