#pragma once
// One fiscal year's share of what the recorder counts, for the per-year KPIs (results.hpp kYearKpis): the
// counts, and the tallies the service measures are computed from, with the horizon's definitions.
#include <array>

#include "models/hub/results.hpp"
#include "sim/stats/tally.hpp"

namespace kyoten::hub {

struct YearTally {
  int fiscal_year = 0;
  std::array<double, kKpiCount> count{};  // indexed like kKpis; only the counts of kYearKpis are kept
  sim::Tally answer_minutes{true};
  sim::Tally arrange_hours{true};
  sim::Tally assessment_wait_days{};
  double outcomes = 0, not_arranged = 0;  // emergencies that reached any outcome; handed over or unresolved
  double searches = 0, searches_without_bed = 0;

  [[nodiscard]] YearRecord record() const;
};

}  // namespace kyoten::hub
