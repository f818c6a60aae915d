#pragma once
// The fan of a monthly series over replications — mean and the 5, 25, 50, 75 and 95% points (type 7, as numpy's
// default) per month — for a report that has no replication rows to read: `compare` writes each option's bands
// (monthly_bands.csv) and the comparison report overlays them. Flow counts (calls, emergencies) also per fiscal
// quarter, for charts that draw small counts per quarter.
#include <array>
#include <span>
#include <string>
#include <vector>

#include "models/hub/results.hpp"

namespace kyoten::output {

// The series of monthly.csv that get a fan chart, in the report's order.
inline constexpr std::array<const char*, 4> kFanSeries{"registrants_end", "calls", "emergencies", "cost_yen"};

struct SeriesBand {
  std::string series;  // one of kFanSeries
  std::string period;  // "month" or "quarter"
  std::string start;   // "YYYY-MM": the month, or the quarter's first month (April, July, October, January)
  int months = 1;      // the horizon's months in it (a quarter the horizon cuts holds fewer than 3)
  std::size_t n = 0;   // replications
  double mean = 0, q05 = 0, q25 = 0, q50 = 0, q75 = 0, q95 = 0;
};

// Every replication covers the same months. Months in order, each series; then quarters for the flow counts.
std::vector<SeriesBand> monthly_bands(std::span<const hub::ReplicationResult> results);

}  // namespace kyoten::output
