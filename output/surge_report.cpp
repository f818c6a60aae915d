#include "output/surge_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "sim/time/civil_calendar.hpp"

namespace kyoten::output {
namespace {

using json = nlohmann::ordered_json;

json number(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

}  // namespace

std::string surge_region(const hub::Scenario& scenario, const hub::Surge& s) {
  return s.region >= 0 ? scenario.regions[static_cast<std::size_t>(s.region)].name : "";
}

std::vector<SurgeSummary> summarise_surges(std::span<const hub::ReplicationResult> results, double confidence_level,
                                           std::size_t draw_group) {
  std::vector<SurgeSummary> out;
  if (results.empty()) return out;
  std::vector<double> column(results.size());
  for (std::size_t k = 0; k < results.front().surges.size(); ++k) {
    SurgeSummary s;
    for (const SurgeFigure& f : kSurgeFigures) {
      for (std::size_t r = 0; r < results.size(); ++r) column[r] = results[r].surges[k].*f.field;
      s.figures.push_back(summarise_values(column, confidence_level, draw_group));
    }
    out.push_back(std::move(s));
  }
  return out;
}

json surges_json(const hub::Scenario& scenario, const std::vector<SurgeSummary>& surges) {
  json out = json::array();
  for (std::size_t k = 0; k < surges.size() && k < scenario.surges.size(); ++k) {
    const hub::Surge& s = scenario.surges[k];
    json item = {{"name", s.name},
                 {"start", sim::iso_date(s.start)},
                 {"days", s.days},
                 {"extra_emergencies", s.extra_emergencies},
                 {"region", s.region >= 0 ? json(surge_region(scenario, s)) : json(nullptr)}};
    json figures = json::array();
    for (std::size_t f = 0; f < std::size(kSurgeFigures); ++f) {
      const Statistic& st = surges[k].figures[f];
      figures.push_back({{"key", kSurgeFigures[f].key},
                         {"label_ja", kSurgeFigures[f].label_ja},
                         {"label_en", kSurgeFigures[f].label_en},
                         {"unit", kSurgeFigures[f].unit},
                         {"mean", number(st.mean)},
                         {"ci_low", number(st.ci_low)},
                         {"ci_high", number(st.ci_high)},
                         {"n", st.n}});
    }
    item["figures"] = std::move(figures);
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace kyoten::output
