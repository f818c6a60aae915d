#include "planning/targets.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <string_view>
#include <vector>

#include "models/hub/results.hpp"
#include "output/budget_risk.hpp"
#include "scenario/did_you_mean.hpp"
#include "scenario/input_error.hpp"
#include "sim/stats/confidence.hpp"
#include "sim/stats/proportion.hpp"

namespace kyoten::planning {
namespace {

[[noreturn]] void fail(const std::string& option, const std::string& message, std::string hint) {
  throw InputErrors(
      {InputError{.file = "", .line = 0, .column = 0, .key = option, .message = message, .hint = std::move(hint)}});
}

std::vector<std::string> kpi_keys() {
  std::vector<std::string> keys;
  for (const hub::KpiInfo& k : hub::kKpis) keys.emplace_back(k.key);
  return keys;
}

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  return std::string(s.substr(b, s.find_last_not_of(" \t") - b + 1));
}

// The fiscal year in a key such as cost_fy2024_yen (prefix "cost_fy", suffix "_yen"); nullopt for another key.
std::optional<int> year_in(std::string_view key, std::string_view prefix, std::string_view suffix) {
  if (key.size() != prefix.size() + 4 + suffix.size() || !key.starts_with(prefix) || !key.ends_with(suffix))
    return std::nullopt;
  int year = 0;
  const std::string_view digits = key.substr(prefix.size(), 4);
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), year);
  if (ec != std::errc{} || end != digits.data() + digits.size()) return std::nullopt;
  return year;
}

}  // namespace

std::string_view Target::unit() const {
  switch (measure) {
    case Measure::YearCost: return "yen";
    case Measure::YearOverBudget: return "share";
    case Measure::Kpi: break;
  }
  return hub::kKpis[kpi].unit;
}

std::vector<double> target_values(std::span<const hub::ReplicationResult> results, const Target& target,
                                  const hub::Budget& budget, const hub::Horizon& horizon) {
  std::vector<double> values;
  values.reserve(results.size());
  if (target.measure == Measure::Kpi) {
    for (const hub::ReplicationResult& r : results) values.push_back(r.kpi[target.kpi]);
    return values;
  }
  double budget_yen = 0;
  for (const hub::Budget::Line& l : budget.lines)
    if (l.fiscal_year == target.fiscal_year) budget_yen += l.yen;
  const double compared = budget_yen * output::days_of_horizon_in_fiscal_year(horizon, target.fiscal_year) /
                          output::days_in_fiscal_year(target.fiscal_year);
  for (const hub::ReplicationResult& r : results) {
    double yen = 0;
    for (const hub::CostRecord& c : r.costs)
      if (c.fiscal_year == target.fiscal_year) yen += c.yen;
    values.push_back(target.measure == Measure::YearCost ? yen : (yen > compared ? 1.0 : 0.0));
  }
  return values;
}

void check_year_targets(std::span<const Target> targets, const hub::Budget& budget, const hub::Horizon& horizon) {
  for (const Target& t : targets) {
    if (t.measure == Measure::Kpi) continue;
    if (output::days_of_horizon_in_fiscal_year(horizon, t.fiscal_year) == 0)
      fail("--target", "'" + t.text + "': the scenario's horizon does not reach FY" + std::to_string(t.fiscal_year),
           "choose a fiscal year between the horizon's start and end");
    const bool budgeted = std::any_of(budget.lines.begin(), budget.lines.end(),
                                      [&t](const hub::Budget::Line& l) { return l.fiscal_year == t.fiscal_year; });
    if (t.measure == Measure::YearOverBudget && !budgeted)
      fail("--target", "'" + t.text + "': the scenario states no budget for FY" + std::to_string(t.fiscal_year),
           "add [[budget.lines]] for that year, or bound cost_fy" + std::to_string(t.fiscal_year) + "_yen instead");
  }
}

std::size_t kpi_for_option(const std::string& key, const std::string& option) {
  for (std::size_t i = 0; i < hub::kKpiCount; ++i)
    if (key == hub::kKpis[i].key) return i;
  fail(option, "unknown KPI '" + key + "'", scenario::suggestion_hint(key, kpi_keys()));
}

Target parse_target(const std::string& text, const std::string& option) {
  const char* form =
      "write KPI<=VALUE or KPI>=VALUE, e.g. p_no_bed<=0.05, cost_fy2024_yen<=61859000 or p_over_budget_fy2024<=0.1";
  const auto at = text.find_first_of("<>");
  if (at == std::string::npos || at + 1 >= text.size() || text[at + 1] != '=')
    fail(option, "'" + text + "' is not a target", form);
  Target t;
  const std::string key = trim(std::string_view(text).substr(0, at));
  if (const std::optional<int> fy = year_in(key, "cost_fy", "_yen")) {
    t.measure = Measure::YearCost;
    t.fiscal_year = *fy;
  } else if (const std::optional<int> year = year_in(key, "p_over_budget_fy", "")) {
    t.measure = Measure::YearOverBudget;
    t.fiscal_year = *year;
  } else {
    t.kpi = kpi_for_option(key, option);
  }
  t.relation = text[at] == '<' ? Relation::AtMost : Relation::AtLeast;
  const std::string value = trim(std::string_view(text).substr(at + 2));
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), t.bound);
  if (value.empty() || ec != std::errc{} || end != value.data() + value.size() || !std::isfinite(t.bound))
    fail(option, "'" + value + "' in '" + text + "' is not a number", form);
  if (t.unit() == "share" && (t.bound < 0 || t.bound > 1))
    fail(option, "'" + text + "': " + key + " is a share between 0 and 1", "write 95% as 0.95");
  t.text = key + (t.relation == Relation::AtMost ? "<=" : ">=") + value;
  return t;
}

TargetCheck check_target(std::span<const double> values, const Target& target, double alpha,
                         std::size_t draw_group) {
  // A one-sided bound at 1 − alpha is one end of the two-sided interval at 1 − 2·alpha.
  const sim::ConfidenceInterval ci = sim::grouped_interval(values, draw_group, 1.0 - 2.0 * alpha);
  TargetCheck c{Status::Undecided, ci.mean, ci.low(), ci.high(), ci.n};
  if (target.measure == Measure::YearOverBudget && ci.n > 0) {
    // A share of 0/1 outcomes: the Wilson bounds, which a run of years all within budget does not shrink to 0
    // (the t interval would, with sd 0) and so cannot call "never over budget" from ten years.
    const sim::ProportionInterval p = sim::wilson_interval(ci.mean, static_cast<double>(ci.n), 1.0 - 2.0 * alpha);
    c.low = p.low;
    c.high = p.high;
  } else if (ci.n < 2 || !std::isfinite(ci.half_width)) {
    return c;
  }
  const bool at_most = target.relation == Relation::AtMost;
  const double far = at_most ? c.high : c.low;   // must be inside the target to call it met
  const double near = at_most ? c.low : c.high;  // beyond the target: missed
  const auto inside = [&](double x) { return at_most ? x <= target.bound : x >= target.bound; };
  if (inside(far))
    c.status = Status::Feasible;
  else if (!inside(near))
    c.status = Status::Infeasible;
  return c;
}

const char* status_key(Status status) {
  switch (status) {
    case Status::Feasible: return "feasible";
    case Status::Infeasible: return "infeasible";
    case Status::Undecided: return "undecided";
  }
  return "";
}

}  // namespace kyoten::planning
