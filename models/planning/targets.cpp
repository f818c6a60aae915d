#include "models/planning/targets.hpp"

#include <charconv>
#include <cmath>
#include <string_view>
#include <vector>

#include "models/hub/results.hpp"
#include "models/scenario/did_you_mean.hpp"
#include "models/scenario/input_error.hpp"
#include "sim/stats/confidence.hpp"

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

}  // namespace

std::size_t kpi_for_option(const std::string& key, const std::string& option) {
  for (std::size_t i = 0; i < hub::kKpiCount; ++i)
    if (key == hub::kKpis[i].key) return i;
  fail(option, "unknown KPI '" + key + "'", scenario::suggestion_hint(key, kpi_keys()));
}

Target parse_target(const std::string& text, const std::string& option) {
  const char* form = "write KPI<=VALUE or KPI>=VALUE, e.g. p_no_bed<=0.05";
  const auto at = text.find_first_of("<>");
  if (at == std::string::npos || at + 1 >= text.size() || text[at + 1] != '=')
    fail(option, "'" + text + "' is not a target", form);
  Target t;
  const std::string key = trim(std::string_view(text).substr(0, at));
  t.kpi = kpi_for_option(key, option);
  t.relation = text[at] == '<' ? Relation::AtMost : Relation::AtLeast;
  const std::string value = trim(std::string_view(text).substr(at + 2));
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), t.bound);
  if (value.empty() || ec != std::errc{} || end != value.data() + value.size() || !std::isfinite(t.bound))
    fail(option, "'" + value + "' in '" + text + "' is not a number", form);
  if (std::string_view(hub::kKpis[t.kpi].unit) == "share" && (t.bound < 0 || t.bound > 1))
    fail(option, "'" + text + "': " + key + " is a share between 0 and 1", "write 95% as 0.95");
  t.text = key + (t.relation == Relation::AtMost ? "<=" : ">=") + value;
  return t;
}

TargetCheck check_target(std::span<const double> values, const Target& target, double alpha,
                         std::size_t draw_group) {
  // A one-sided bound at 1 − alpha is one end of the two-sided interval at 1 − 2·alpha.
  const sim::ConfidenceInterval ci = sim::grouped_interval(values, draw_group, 1.0 - 2.0 * alpha);
  TargetCheck c{Status::Undecided, ci.mean, ci.low(), ci.high(), ci.n};
  if (ci.n < 2 || !std::isfinite(ci.half_width)) return c;
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
