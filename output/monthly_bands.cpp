#include "output/monthly_bands.hpp"

#include <fmt/format.h>

#include <map>
#include <string_view>
#include <utility>

#include "sim/stats/tally.hpp"

namespace kyoten::output {
namespace {

double value_of(const hub::MonthRecord& m, std::string_view series) {
  if (series == "registrants_end") return m.registrants_end;
  if (series == "calls") return m.calls;
  if (series == "emergencies") return m.emergencies;
  return m.cost_yen;
}

bool is_flow_count(std::string_view series) { return series == "calls" || series == "emergencies"; }

SeriesBand band_of(std::string series, std::string period, std::string start, int months,
                   const std::vector<double>& values) {
  sim::Tally t(/*keep_values=*/true);
  for (double v : values) t.add(v);
  return {std::move(series), std::move(period), std::move(start), months, t.count(),  t.mean(),
          t.quantile(0.05),  t.quantile(0.25),  t.quantile(0.5),  t.quantile(0.75),  t.quantile(0.95)};
}

}  // namespace

std::vector<SeriesBand> monthly_bands(std::span<const hub::ReplicationResult> results) {
  std::vector<SeriesBand> bands;
  if (results.empty()) return bands;
  const std::vector<hub::MonthRecord>& months = results.front().months;
  std::vector<double> values(results.size());
  for (std::size_t m = 0; m < months.size(); ++m) {
    const std::string start = fmt::format("{:04}-{:02}", months[m].year, months[m].month);
    for (const char* series : kFanSeries) {
      for (std::size_t r = 0; r < results.size(); ++r) values[r] = value_of(results[r].months[m], series);
      bands.push_back(band_of(series, "month", start, 1, values));
    }
  }
  // Fiscal quarters: a quarter's first month is the month rounded down to January, April, July or October.
  std::map<std::pair<int, int>, std::vector<std::size_t>> quarters;  // (year, first month) → month indexes
  for (std::size_t m = 0; m < months.size(); ++m)
    quarters[{months[m].year, (months[m].month - 1) / 3 * 3 + 1}].push_back(m);
  for (const char* series : kFanSeries) {
    if (!is_flow_count(series)) continue;
    for (const auto& [quarter, in_it] : quarters) {
      for (std::size_t r = 0; r < results.size(); ++r) {
        values[r] = 0;
        for (std::size_t m : in_it) values[r] += value_of(results[r].months[m], series);
      }
      bands.push_back(band_of(series, "quarter", fmt::format("{:04}-{:02}", quarter.first, quarter.second),
                              static_cast<int>(in_it.size()), values));
    }
  }
  return bands;
}

}  // namespace kyoten::output
