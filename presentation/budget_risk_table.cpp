#include "presentation/budget_risk_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <vector>

#include "presentation/number_format.hpp"

namespace kyoten::presentation {

using output::BudgetRisk;
using output::BudgetView;
using output::RunSummary;
using output::kTotalLine;
using output::NetCost;

namespace {

constexpr std::size_t kColumns = 6;
using Row = std::array<std::string, kColumns>;

std::string thousands(double yen) { return format_number(yen / 1000.0, 0); }
std::string percent(double share) { return format_number(share * 100.0, 0); }

Row row_for(const BudgetRisk& b, bool ja) {
  std::string budget = thousands(b.compared_yen);
  if (b.pro_rated())
    budget += ja ? fmt::format(" ({}/{}日按分)", b.days_simulated, b.days_in_year)
                 : fmt::format(" (pro-rated {}/{} d)", b.days_simulated, b.days_in_year);
  std::string risk = fmt::format("{}% [{}–{}%]", percent(b.p_over), percent(b.p_over_low), percent(b.p_over_high));
  if (b.probable_unit_error) risk += ja ? "  ※単位の誤りか" : "  ! probable unit error";
  return {ja ? fmt::format("{}年度", b.fiscal_year) : fmt::format("FY{}", b.fiscal_year),
          b.line == kTotalLine ? (ja ? "合計" : "total") : b.line,
          budget,
          thousands(b.cost_mean),
          fmt::format("{} – {}", thousands(b.cost_p5), thousands(b.cost_p95)),
          risk};
}

std::string render(const std::vector<Row>& rows) {
  std::array<std::size_t, kColumns> width{};
  for (const Row& r : rows)
    for (std::size_t c = 0; c < kColumns; ++c) width[c] = std::max(width[c], display_width(r[c]));
  std::string out;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    std::string line;
    for (std::size_t c = 0; c < kColumns; ++c) {
      const std::size_t pad = width[c] - display_width(rows[i][c]);
      // Text columns (year, line) flush left, numbers flush right.
      line += c < 2 ? rows[i][c] + std::string(pad, ' ') : std::string(pad, ' ') + rows[i][c];
      if (c + 1 < kColumns) line += "  ";
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
    if (i == 0) out += std::string(display_width(line), '-') + "\n";
  }
  return out;
}

}  // namespace

std::string format_budget_risk(const RunSummary& summary, Language language) {
  const bool ja = language == Language::Japanese;
  const BudgetView& view = summary.budget;
  if (view.risks.empty() && view.net.empty()) return {};
  std::string out;
  if (!view.risks.empty()) {
    std::vector<Row> rows{ja ? Row{"年度", "予算科目", "比較する予算(千円)", "費用平均", "90%範囲", "予算超過の確率 [95%区間]"}
                             : Row{"FY", "Budget line", "Budget compared (k¥)", "Mean cost", "90% range",
                                   "P(over budget) [95% CI]"}};
    for (const BudgetRisk& b : view.risks) rows.push_back(row_for(b, ja));
    out += render(rows);
    out += ja ? "90%範囲: 反復（1年分の結果）の5–95パーセンタイル。超過確率の区間はWilsonスコア法。"
                "年度の一部だけを模擬した年は予算を日数で按分して比べる。\n"
              : "90% range: 5th–95th percentile over replications (one simulated year each). Interval of P: Wilson "
                "score. A fiscal year simulated in part is compared with its budget pro-rated by days.\n";
  }
  if (!view.net.empty()) {
    std::vector<Row> rows{ja ? Row{"年度", "", "特定財源(千円)", "純費用平均", "90%範囲", ""}
                             : Row{"FY", "", "Revenue (k¥)", "Mean net cost", "90% range", ""}};
    for (const NetCost& n : view.net)
      rows.push_back({ja ? fmt::format("{}年度", n.fiscal_year) : fmt::format("FY{}", n.fiscal_year), "", thousands(n.revenue_mean),
                      thousands(n.net_mean), fmt::format("{} – {}", thousands(n.net_p5), thousands(n.net_p95)), ""});
    out += "\n" + render(rows);
  }
  return out;
}

std::string unit_error_warnings(const BudgetView& view) {
  std::string out;
  for (const BudgetRisk& b : view.risks)
    if (b.probable_unit_error && b.line != kTotalLine)
      out += fmt::format(
          "warning: budget line '{}' FY{}: budget {} yen against a simulated cost of {} yen (a factor of {}) — "
          "probable unit error: budgets are in yen, not thousands of yen\n",
          b.line, b.fiscal_year, format_number(b.compared_yen, 0), format_number(b.cost_mean, 0),
          format_number(std::max(b.compared_yen / b.cost_mean, b.cost_mean / b.compared_yen), 0));
  return out;
}

}  // namespace kyoten::presentation
