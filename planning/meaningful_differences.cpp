#include "planning/meaningful_differences.hpp"

#include <charconv>
#include <cmath>
#include <string_view>

#include "planning/targets.hpp"
#include "scenario/input_error.hpp"

namespace kyoten::planning {
namespace {

constexpr std::string_view kFiscalYearCost = "cost_fy";

[[noreturn]] void fail(const std::string& message, std::string hint) {
  throw InputErrors(
      {InputError{.file = "", .line = 0, .column = 0, .key = "--mmd", .message = message, .hint = std::move(hint)}});
}

// "2%" → relative 0.02; "500000" → absolute; for money either, for other units only an absolute value.
output::MeaningfulDifference parse_value(const std::string& text, std::string_view value, bool money) {
  const bool percent = !value.empty() && value.back() == '%';
  if (percent) value.remove_suffix(1);
  double v = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
  if (value.empty() || ec != std::errc{} || end != value.data() + value.size() || !std::isfinite(v) || v < 0)
    fail("'" + text + "': the value is not a non-negative number", "e.g. answer_mean_min=2 or cost_total_yen=2%");
  if (percent && !money) fail("'" + text + "': a percentage is allowed only for money", "shares as fractions: 0.02");
  return percent ? output::MeaningfulDifference{0, v / 100} : output::MeaningfulDifference{v, 0};
}

}  // namespace

MeaningfulDifferences default_meaningful_differences() {
  MeaningfulDifferences m;
  for (std::size_t k = 0; k < hub::kKpiCount; ++k) m.kpi[k] = output::default_meaningful_difference(hub::kKpis[k].unit);
  m.fiscal_year_cost = output::default_meaningful_difference("yen");
  return m;
}

void set_meaningful_difference(const std::string& text, MeaningfulDifferences& mmd) {
  const auto eq = text.find('=');
  if (eq == std::string::npos) fail("'" + text + "' is not KPI=VALUE", "e.g. --mmd answer_mean_min=2");
  const std::string key = text.substr(0, eq);
  const std::string_view value = std::string_view(text).substr(eq + 1);
  if (key == kFiscalYearCost) {
    mmd.fiscal_year_cost = parse_value(text, value, true);
  } else {
    const std::size_t k = kpi_for_option(key, "--mmd");
    mmd.kpi[k] = parse_value(text, value, std::string_view(hub::kKpis[k].unit) == "yen");
  }
  mmd.overrides.push_back(text);
}

std::string describe_meaningful_differences(const MeaningfulDifferences& mmd, bool japanese) {
  std::string out = japanese ? "実質的な差の最小値（既定）: 1分、0.1時間、0.1日、1ポイント、件数・人数は1、費用は1%"
                             : "Minimum meaningful differences (defaults): 1 min, 0.1 h, 0.1 day, 1 point, 1 for "
                               "counts, 1% of cost";
  if (!mmd.overrides.empty()) {
    out += japanese ? "。変更: " : "; overridden: ";
    for (std::size_t i = 0; i < mmd.overrides.size(); ++i) out += (i ? ", " : "") + mmd.overrides[i];
  }
  return out;
}

}  // namespace kyoten::planning
