#include "app/serve_answer.hpp"

#include <cmath>
#include <map>

#include "output/budget_risk.hpp"
#include "output/summary.hpp"
#include "planning/paired.hpp"
#include "presentation/verdict_text.hpp"
#include "sim/stats/confidence.hpp"

namespace kyoten::app {
namespace {

using nlohmann::json;

json number(double x) { return std::isfinite(x) ? json(x) : json(nullptr); }

json statistic_json(const output::Statistic& s) {
  return {{"mean", number(s.mean)}, {"ci_low", number(s.ci_low)}, {"ci_high", number(s.ci_high)},
          {"n", s.n},               {"p2_5", number(s.p2_5)},      {"p97_5", number(s.p97_5)}};
}

json difference_json(const planning::Difference& d, std::string_view label_ja, std::string_view label_en,
                     std::string_view unit) {
  return {{"mean_base", number(d.mean_base)},
          {"mean_variant", number(d.mean_other)},
          {"difference", number(d.ci.mean)},
          {"ci_low", number(d.ci.low())},
          {"ci_high", number(d.ci.high())},
          {"verdict", presentation::verdict_key(d.verdict)},
          {"verdict_ja", presentation::verdict_sentence(label_ja, unit, d, "変更後", "元の設定", presentation::Language::Japanese)},
          {"verdict_en", presentation::verdict_sentence(label_en, unit, d, "the change", "the original",
                                                    presentation::Language::English)}};
}

json kpis_json(const output::RunSummary& summary, std::span<const hub::ReplicationResult> base,
               std::span<const hub::ReplicationResult> variant, std::size_t draw_group) {
  json out = json::array();
  for (const auto& k : summary.kpis) {
    const hub::KpiInfo& info = hub::kKpis[k.index];
    if (!info.headline) continue;
    const auto d = planning::paired_difference(planning::kpi_column(base, k.index),
                                               planning::kpi_column(variant, k.index), kServeConfidenceLevel,
                                               draw_group);
    out.push_back({{"key", info.key},
                   {"label_ja", info.label_ja},
                   {"label_en", info.label_en},
                   {"unit", info.unit},
                   {"stat", statistic_json(k.stat)},
                   {"paired", difference_json(d, info.label_ja, info.label_en, info.unit)}});
  }
  return out;
}

json costs_json(const hub::Scenario& scenario, std::span<const hub::ReplicationResult> base,
                std::span<const hub::ReplicationResult> variant, std::size_t draw_group) {
  // The probability of overspending is the one `kyoten run` and `compare` report (output/budget_risk): a year
  // simulated in part is compared with its budget pro-rated by days, never with the whole year's.
  const output::BudgetView view =
      output::budget_view(variant, scenario.budget, scenario.horizon, draw_group, kServeConfidenceLevel);
  std::map<int, const output::BudgetRisk*> total_risk;  // fiscal year → its all-lines risk
  for (const output::BudgetRisk& r : view.risks)
    if (r.line == output::kTotalLine) total_risk[r.fiscal_year] = &r;
  const auto base_totals = planning::cost_by_fiscal_year(base);
  json out = json::array();
  for (const auto& [year, totals] : planning::cost_by_fiscal_year(variant)) {
    json row = {{"fiscal_year", year},
                {"total", statistic_json(output::summarise_values(totals, kServeConfidenceLevel, draw_group))}};
    if (const auto it = total_risk.find(year); it != total_risk.end()) {
      const output::BudgetRisk& r = *it->second;
      row["budget_yen"] = r.budget_yen;
      row["budget_compared_yen"] = r.compared_yen;
      row["days_simulated"] = r.days_simulated;
      row["days_in_year"] = r.days_in_year;
      row["overspend"] = {{"share", number(r.p_over)},
                          {"ci_low", number(r.p_over_low)},
                          {"ci_high", number(r.p_over_high)},
                          {"n", r.replications}};
    } else {
      row["budget_yen"] = nullptr;
      row["budget_compared_yen"] = nullptr;
      row["overspend"] = nullptr;
    }
    if (const auto it = base_totals.find(year); it != base_totals.end() && it->second.size() == totals.size()) {
      const auto d = planning::paired_difference(it->second, totals, kServeConfidenceLevel, draw_group);
      const std::string ja = std::to_string(year) + "年度の費用";
      const std::string en = "Cost FY" + std::to_string(year);
      row["paired"] = difference_json(d, ja, en, "yen");
    }
    out.push_back(std::move(row));
  }
  return out;
}

// Monthly quantiles over replications: the median and the 2.5–97.5% band where one outcome falls.
json fan_json(std::span<const hub::ReplicationResult> results) {
  json out = {{"months", json::array()}, {"registrants", json::array()}, {"emergencies", json::array()}};
  if (results.empty()) return out;
  const std::size_t months = results.front().months.size();
  for (std::size_t m = 0; m < months; ++m) {
    std::vector<double> registrants, emergencies;
    for (const auto& r : results) {
      if (r.months.size() != months) continue;
      registrants.push_back(r.months[m].registrants_end);
      emergencies.push_back(r.months[m].emergencies);
    }
    const auto& month = results.front().months[m];
    out["months"].push_back(std::to_string(month.year) + "-" + (month.month < 10 ? "0" : "") +
                            std::to_string(month.month));
    for (auto [name, values] : {std::pair{"registrants", &registrants}, std::pair{"emergencies", &emergencies}}) {
      const auto s = output::summarise_values(*values, kServeConfidenceLevel);
      out[name].push_back({number(s.p2_5), number(s.p50), number(s.p97_5)});
    }
  }
  return out;
}

}  // namespace

json answer_json(const hub::Scenario& variant_scenario, std::span<const hub::ReplicationResult> base,
                 std::span<const hub::ReplicationResult> variant, std::size_t draw_group) {
  const output::RunSummary summary =
      output::summarise(variant, variant_scenario.budget, kServeConfidenceLevel, draw_group);
  json utilisation = json::array();
  for (double u : summary.staff_utilisation) utilisation.push_back(number(u));
  return {{"replications", variant.size()},
          {"draw_group", draw_group},
          {"confidence_level", kServeConfidenceLevel},
          {"kpis", kpis_json(summary, base, variant, draw_group)},
          {"costs", costs_json(variant_scenario, base, variant, draw_group)},
          {"fan", fan_json(variant)},
          {"staff_utilisation_by_hour_of_week", utilisation}};
}

}  // namespace kyoten::app
