#include "models/hub/year_tally.hpp"

#include <limits>

namespace kyoten::hub {
namespace {
double ratio(double a, double b) { return b > 0 ? a / b : std::numeric_limits<double>::quiet_NaN(); }
}  // namespace

YearRecord YearTally::record() const {
  std::array<double, kKpiCount> k = count;
  double within_4h = 0;
  for (double h : arrange_hours.values()) within_4h += h <= 4 ? 1 : 0;
  k[kpi_index("answer_mean_min")] = answer_minutes.mean();
  k[kpi_index("answer_p90_min")] = answer_minutes.quantile(0.9);
  k[kpi_index("callers_abandoned_share")] = ratio(count[kpi_index("callers_abandoned")], count[kpi_index("calls")]);
  k[kpi_index("arrange_mean_h")] = arrange_hours.mean();
  // Of every emergency that reached an outcome, as the horizon's headline share.
  k[kpi_index("arrange_within_4h")] = ratio(within_4h, outcomes);
  k[kpi_index("not_arranged_share")] = ratio(not_arranged, outcomes);
  k[kpi_index("p_no_bed")] = ratio(searches_without_bed, searches);
  k[kpi_index("assessment_wait_days_mean")] = assessment_wait_days.mean();
  YearRecord r;
  r.fiscal_year = fiscal_year;
  for (std::size_t i = 0; i < kYearKpiCount; ++i) r.kpi[i] = k[kYearKpis[i]];
  return r;
}

}  // namespace kyoten::hub
