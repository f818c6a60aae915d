#include "presentation/comparison_report.hpp"

#include <fmt/format.h>

#include "output/budget_risk.hpp"
#include "presentation/display.hpp"
#include "presentation/verdict_text.hpp"

namespace kyoten::presentation {

using planning::ComparedScenario;
using planning::Comparison;
using planning::Difference;
using planning::FiscalYearCost;
using planning::FiscalYearDifference;
using planning::KpiDifference;
using planning::Provenance;
using planning::Verdict;
using planning::Versus;
using planning::add_difference;
using planning::add_provenance;
using planning::add_statistic;
using planning::describe_meaningful_differences;
using planning::json;
using planning::meaningful_threshold;
using planning::number_or_null;

namespace {

constexpr std::size_t kCostPerEmergency = hub::kpi_index("cost_per_emergency_yen");

std::string letter(std::size_t i) {
  return std::string(1, static_cast<char>('A' + i % 26)) + (i >= 26 ? std::to_string(i / 26) : "");
}

std::string fiscal_year_label(int year, Language language) {
  return language == Language::Japanese ? fmt::format("費用 {}年度", year) : fmt::format("Cost FY{}", year);
}

std::string fiscal_year_key(int year) { return fmt::format("cost_fy{}_yen", year); }

// Shown in the terminal: the headline KPIs, the cost per emergency arranged, and the cost of each fiscal year.
bool shown_in_terminal(std::size_t kpi) { return hub::kKpis[kpi].headline || kpi == kCostPerEmergency; }

constexpr std::size_t kCostTotal = hub::kpi_index("cost_total_yen");

struct ShownRow {
  std::string label;
  std::string unit;  // hub unit
  Difference d;
  std::size_t kpi = hub::kKpiCount;  // hub::kKpiCount for a fiscal year's cost
};

std::vector<std::string> table_row(const ShownRow& r, Language language) {
  const ShownUnit u = shown_unit(r.unit);
  const double half = r.d.ci.half_width * u.scale;
  const int decimals = decimals_for_difference(r.d.ci.mean * u.scale, half, r.d.mean_base * u.scale);
  const auto num = [&](double v) { return format_number(v * u.scale, decimals); };
  const std::string interval =
      std::isfinite(r.d.ci.half_width) ? fmt::format("[{}, {}]", num(r.d.ci.low()), num(r.d.ci.high())) : "-";
  return {r.label,
          num(r.d.mean_base),
          num(r.d.mean_other),
          num(r.d.ci.mean),
          interval,
          unit_text(u, language),
          verdict_word(r.unit, r.d.verdict, language)};
}

std::string format_versus(const Comparison& c, const Versus& v, Language language) {
  const bool ja = language == Language::Japanese;
  const std::string a = letter(0), b = letter(v.other);
  std::vector<ShownRow> rows;
  for (const KpiDifference& k : v.kpis)
    if (shown_in_terminal(k.kpi) && k.difference.ci.n > 0)  // n = 0: undefined in both (e.g. hub KPIs, no hub)
      rows.push_back({ja ? hub::kKpis[k.kpi].label_ja : hub::kKpis[k.kpi].label_en, hub::kKpis[k.kpi].unit,
                      k.difference, k.kpi});
  for (const FiscalYearDifference& f : v.fiscal_years)
    rows.push_back({fiscal_year_label(f.fiscal_year, language), "yen", f.difference});

  std::vector<std::vector<std::string>> cells;
  cells.push_back(
      {ja ? "指標" : "KPI", a, b, fmt::format("{} − {}", b, a),
       ja ? fmt::format("{:g}%信頼区間", c.confidence_level * 100) : fmt::format("{:g}% CI", c.confidence_level * 100),
       ja ? "単位" : "Unit", ja ? "判定" : "Verdict"});
  for (const ShownRow& r : rows) cells.push_back(table_row(r, language));
  std::string out = render_table(cells, {false, true, true, true, true, false, false});

  std::string clear;
  for (const ShownRow& r : rows) {
    if (r.d.verdict != Verdict::Higher && r.d.verdict != Verdict::Lower) continue;
    clear += "  - " + verdict_sentence(r.label, r.unit, r.d, b, a, language) + '\n';
    // A unit cost falls when the count it divides by rises: show the total beside it, so a lower cost per
    // emergency is not read as a saving while the total rises.
    if (r.kpi == kCostPerEmergency)
      clear += (ja ? "    （併せて）" : "    beside it, ") +
               verdict_sentence(ja ? hub::kKpis[kCostTotal].label_ja : hub::kKpis[kCostTotal].label_en, "yen",
                                v.kpis[kCostTotal].difference, b, a, language) +
               '\n';
  }
  out += '\n';
  bool identical = true;
  for (const ShownRow& r : rows) identical = identical && r.d.verdict == Verdict::Same;
  if (identical)
    out += ja ? fmt::format("{}と{}は全ての反復で同一（上の指標）\n", b, a)
              : fmt::format("{} and {} are identical in every replication (KPIs above)\n", b, a);
  else if (clear.empty())
    out += ja ? fmt::format("{}と{}の間に統計的に明確な差はない（上の指標）\n", b, a)
              : fmt::format("No statistically clear difference between {} and {} (KPIs above)\n", b, a);
  else
    out += (ja ? "明確な差:\n" : "Clear differences:\n") + clear;
  if (!v.years_not_shared.empty()) {
    std::string years;
    for (int y : v.years_not_shared) years += (years.empty() ? "" : ", ") + std::to_string(y);
    out += ja ? fmt::format("注: {}年度は両シナリオの期間が同じ日数を含まないため費用を比較しない。\n", years)
              : fmt::format("Note: FY {} not compared: the two horizons do not cover the same days of it.\n", years);
  }
  return out;
}

// The overspend risk of a fiscal year's total (all lines against the year's budget), if it has a budget.
const output::BudgetRisk* total_risk(const ComparedScenario& s, int fiscal_year) {
  for (const output::BudgetRisk& b : s.summary.budget.risks)
    if (b.fiscal_year == fiscal_year && b.line == output::kTotalLine) return &b;
  return nullptr;
}

std::string format_budget(const Comparison& c, Language language) {
  const bool ja = language == Language::Japanese;
  std::vector<std::vector<std::string>> cells;
  cells.push_back({ja ? "シナリオ" : "Scenario", ja ? "年度" : "FY", ja ? "費用（千円）" : "Cost (thousand yen)",
                   ja ? "95%信頼区間" : "95% CI", ja ? "予算（千円）" : "Budget (thousand yen)",
                   ja ? "予算比" : "vs budget", ja ? "予算超過の確率" : "P(over budget)"});
  for (std::size_t s = 0; s < c.scenarios.size(); ++s)
    for (const FiscalYearCost& f : c.scenarios[s].fiscal_years) {
      const auto k = [](double v) { return format_number(v / 1000, 0); };
      const std::string interval =
          std::isfinite(f.total.ci_low) ? fmt::format("[{}, {}]", k(f.total.ci_low), k(f.total.ci_high)) : "-";
      // A fiscal year simulated in part is set against its budget pro-rated by days (marked *), not the whole.
      const hub::Horizon& horizon = c.scenarios[s].scenario->horizon;
      const int days = output::days_of_horizon_in_fiscal_year(horizon, f.fiscal_year);
      const int year_days = output::days_in_fiscal_year(f.fiscal_year);
      const std::string ratio = f.budget_yen && *f.budget_yen > 0 && days > 0
                                    ? fmt::format("{:.0f}%{}", 100 * f.total.mean * year_days / (*f.budget_yen * days),
                                                  days < year_days ? "*" : "")
                                    : "-";
      const output::BudgetRisk* risk = total_risk(c.scenarios[s], f.fiscal_year);
      const auto pct = [](double p) { return format_number(100 * p, 0); };
      const std::string over =
          risk ? fmt::format("{}% [{}–{}%]", pct(risk->p_over), pct(risk->p_over_low), pct(risk->p_over_high)) : "-";
      cells.push_back({letter(s), std::to_string(f.fiscal_year), k(f.total.mean), interval,
                       f.budget_yen ? k(*f.budget_yen) : "-", ratio, over});
    }
  return render_table(cells, {false, true, true, true, true, true, true});
}

json difference_item(const std::string& key, const char* label_ja, const std::string& label_en, const char* unit,
                     const Difference& d, double mmd, const std::string& other, const std::string& base) {
  json item = {{"key", key}, {"label_ja", label_ja}, {"label_en", label_en}, {"unit", unit}};
  add_difference(item, d);
  item["mmd"] = number_or_null(mmd);  // the minimum meaningful difference in force, in the KPI's unit
  item["verdict"] = verdict_key(d.verdict);
  item["sentence_ja"] = verdict_sentence(label_ja, unit, d, other, base, Language::Japanese);
  item["sentence_en"] = verdict_sentence(label_en, unit, d, other, base, Language::English);
  return item;
}

}  // namespace

std::string format_comparison(const Comparison& c, Language language) {
  const bool ja = language == Language::Japanese;
  std::string out;
  for (std::size_t s = 0; s < c.scenarios.size(); ++s) {
    const ComparedScenario& sc = c.scenarios[s];
    const std::string& title = ja ? sc.scenario->meta.title_ja : sc.scenario->meta.title_en;
    out += fmt::format("{} = {}{} ({})\n", letter(s), sc.label, title.empty() ? "" : "  " + title, sc.file);
  }
  out += ja ? fmt::format("共通乱数で各{}反復（seed {}）。差は基準Aとの対応のある差と{:g}%信頼区間。\n\n",
                          c.replications, c.seed, c.confidence_level * 100)
            : fmt::format(
                  "{} replications each on common random numbers (seed {}); paired differences against A "
                  "with {:g}% confidence intervals.\n\n",
                  c.replications, c.seed, c.confidence_level * 100);
  if (c.draw_group > 1)  // uncertain parameters: pairs share a draw (in every scenario), intervals count pairs
    out += ja ? fmt::format("不確かなパラメータは反復2回ずつの組で共通に抽出するため、信頼区間は{}組の平均から求める。\n\n",
                            c.replications / c.draw_group)
              : fmt::format("Uncertain parameters are drawn once per pair of replications (the same draw in every "
                            "scenario): intervals use the {} pair means.\n\n",
                            c.replications / c.draw_group);
  out += describe_meaningful_differences(c.mmd, ja) +
         (ja ? "。信頼区間が全てその内側にある差は「実質的な差なし」。\n\n"
             : ". A difference whose interval lies wholly inside it is \"no practical difference\".\n\n");
  for (const Versus& v : c.versus) out += format_versus(c, v, language) + '\n';
  out += (ja ? "年度別費用と予算（全項目の合計）:\n" : "Cost per fiscal year against the budget (all lines):\n") +
         format_budget(c, language) +
         (ja ? "* 年度の一部だけを模擬した年: 予算を日数で按分して比べた割合。\n"
             : "* fiscal year simulated in part: against the budget pro-rated by days.\n");
  return out;
}

json comparison_json(const Comparison& c, const Provenance& provenance) {
  json j = json::object();
  add_provenance(j, provenance);
  j["replications"] = c.replications;
  j["replications_per_draw"] = c.draw_group;  // 2: intervals are over pair means (docs/uncertainty.md)
  j["confidence_level"] = c.confidence_level;
  json scenarios = json::array();
  for (const ComparedScenario& s : c.scenarios) {
    json item = {{"label", s.label},
                 {"file", s.file},
                 {"name", s.scenario->meta.name},
                 {"title_ja", s.scenario->meta.title_ja},
                 {"title_en", s.scenario->meta.title_en}};
    json kpis = json::array();
    for (const output::KpiSummary& k : s.summary.kpis) {
      json kj = {{"key", hub::kKpis[k.index].key}, {"unit", hub::kKpis[k.index].unit}};
      add_statistic(kj, k.stat);
      kpis.push_back(std::move(kj));
    }
    item["kpis"] = std::move(kpis);
    json years = json::array();
    for (const FiscalYearCost& f : s.fiscal_years) {
      json fj = {{"fiscal_year", f.fiscal_year}};
      add_statistic(fj, f.total);
      fj["budget_yen"] = number_or_null(f.budget_yen);
      // Share of simulated years whose total exceeds the (pro-rated) budget, with its Wilson interval.
      const output::BudgetRisk* risk = total_risk(s, f.fiscal_year);
      fj["p_over_budget"] = risk ? json(risk->p_over) : json(nullptr);
      fj["p_over_budget_ci_low"] = risk ? json(risk->p_over_low) : json(nullptr);
      fj["p_over_budget_ci_high"] = risk ? json(risk->p_over_high) : json(nullptr);
      years.push_back(std::move(fj));
    }
    item["cost_by_fiscal_year"] = std::move(years);
    json lines = json::array();
    for (const output::CostSummary& cs : s.summary.costs) {
      json lj = {{"fiscal_year", cs.fiscal_year}, {"line", cs.line}};
      add_statistic(lj, cs.stat);
      lj["budget_yen"] = number_or_null(cs.budget_yen);
      lines.push_back(std::move(lj));
    }
    item["costs"] = std::move(lines);
    scenarios.push_back(std::move(item));
  }
  j["scenarios"] = std::move(scenarios);

  json differences = json::array();
  const std::string& base = c.scenarios.front().label;
  for (const Versus& v : c.versus) {
    const std::string& other = c.scenarios[v.other].label;
    json item = {{"scenario", other}, {"versus", base}};
    json kpis = json::array();
    for (const KpiDifference& k : v.kpis) {
      const hub::KpiInfo& info = hub::kKpis[k.kpi];
      kpis.push_back(difference_item(info.key, info.label_ja, info.label_en, info.unit, k.difference,
                                     meaningful_threshold(k.difference, c.mmd.kpi[k.kpi]), other, base));
    }
    item["kpis"] = std::move(kpis);
    json years = json::array();
    for (const FiscalYearDifference& f : v.fiscal_years) {
      json fj =
          difference_item(fiscal_year_key(f.fiscal_year), fiscal_year_label(f.fiscal_year, Language::Japanese).c_str(),
                          fiscal_year_label(f.fiscal_year, Language::English), "yen", f.difference,
                          meaningful_threshold(f.difference, c.mmd.fiscal_year_cost), other, base);
      fj["fiscal_year"] = f.fiscal_year;
      years.push_back(std::move(fj));
    }
    item["cost_by_fiscal_year"] = std::move(years);
    item["fiscal_years_not_shared"] = v.years_not_shared;
    differences.push_back(std::move(item));
  }
  j["differences"] = std::move(differences);
  j["minimum_meaningful_differences"] = describe_meaningful_differences(c.mmd, false);
  return j;
}

output::Table comparison_table(const Comparison& c) {
  using output::ColumnType;
  output::Table t;
  t.name = "comparison";
  t.columns = {{"scenario", ColumnType::Text},   {"versus", ColumnType::Text},      {"key", ColumnType::Text},
               {"unit", ColumnType::Text},       {"mean_versus", ColumnType::Real}, {"mean_scenario", ColumnType::Real},
               {"difference", ColumnType::Real}, {"ci_low", ColumnType::Real},      {"ci_high", ColumnType::Real},
               {"n", ColumnType::Integer},       {"verdict", ColumnType::Text},     {"sentence_ja", ColumnType::Text},
               {"sentence_en", ColumnType::Text}};
  t.for_each_row = [&c](const std::function<void(const output::Row&)>& emit) {
    const std::string& base = c.scenarios.front().label;
    for (const Versus& v : c.versus) {
      const std::string& other = c.scenarios[v.other].label;
      const auto row = [&](const std::string& key, const std::string& ja, const std::string& en, const char* unit,
                           const Difference& d) {
        emit({other, base, key, std::string(unit), d.mean_base, d.mean_other, d.ci.mean, d.ci.low(), d.ci.high(),
              static_cast<std::int64_t>(d.ci.n), std::string(verdict_key(d.verdict)),
              verdict_sentence(ja, unit, d, other, base, Language::Japanese),
              verdict_sentence(en, unit, d, other, base, Language::English)});
      };
      for (const KpiDifference& k : v.kpis) {
        const hub::KpiInfo& info = hub::kKpis[k.kpi];
        row(info.key, info.label_ja, info.label_en, info.unit, k.difference);
      }
      for (const FiscalYearDifference& f : v.fiscal_years)
        row(fiscal_year_key(f.fiscal_year), fiscal_year_label(f.fiscal_year, Language::Japanese),
            fiscal_year_label(f.fiscal_year, Language::English), "yen", f.difference);
    }
  };
  return t;
}

output::Table monthly_bands_table(const Comparison& c) {
  using output::ColumnType;
  output::Table t;
  t.name = "monthly_bands";
  t.columns = {{"scenario", ColumnType::Text}, {"series", ColumnType::Text}, {"period", ColumnType::Text},
               {"start", ColumnType::Text},    {"months", ColumnType::Integer}, {"n", ColumnType::Integer},
               {"mean", ColumnType::Real},     {"q05", ColumnType::Real},      {"q25", ColumnType::Real},
               {"q50", ColumnType::Real},      {"q75", ColumnType::Real},      {"q95", ColumnType::Real}};
  t.for_each_row = [&c](const std::function<void(const output::Row&)>& emit) {
    for (const ComparedScenario& s : c.scenarios)
      for (const output::SeriesBand& b : s.monthly_bands)
        emit({s.label, b.series, b.period, b.start, static_cast<std::int64_t>(b.months), static_cast<std::int64_t>(b.n),
              b.mean, b.q05, b.q25, b.q50, b.q75, b.q95});
  };
  return t;
}

}  // namespace kyoten::presentation
