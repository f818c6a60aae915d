#include "output/surge_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "presentation/number_format.hpp"
#include "sim/time/civil_calendar.hpp"

namespace kyoten::output {
namespace {

using json = nlohmann::ordered_json;

json number(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

std::string region_of(const hub::Scenario& scenario, const hub::Surge& s) {
  return s.region >= 0 ? scenario.regions[static_cast<std::size_t>(s.region)].name : "";
}

}  // namespace

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
                 {"region", s.region >= 0 ? json(region_of(scenario, s)) : json(nullptr)}};
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

std::string format_surge_table(const hub::Scenario& scenario, const RunSummary& summary, Language language) {
  const bool ja = language == Language::Japanese;
  std::string out;
  for (std::size_t k = 0; k < summary.surges.size() && k < scenario.surges.size(); ++k) {
    const hub::Surge& s = scenario.surges[k];
    const std::string where = s.region >= 0 ? region_of(scenario, s) : (ja ? "全域" : "all regions");
    out += ja ? fmt::format("災害時の急増「{}」: {} から {:g} 日間、緊急 +{} 件（{}）\n", s.name,
                            sim::iso_date(s.start), s.days, s.extra_emergencies, where)
              : fmt::format("Surge \"{}\": {} for {:g} days, +{} emergencies ({})\n", s.name,
                            sim::iso_date(s.start), s.days, s.extra_emergencies, where);
    std::size_t width = 0;
    for (const SurgeFigure& f : kSurgeFigures) width = std::max(width, display_width(ja ? f.label_ja : f.label_en));
    for (std::size_t f = 0; f < std::size(kSurgeFigures); ++f) {
      const SurgeFigure& fig = kSurgeFigures[f];
      const Statistic& st = summary.surges[k].figures[f];
      const ShownUnit unit = shown_unit(fig.unit);
      const double scale = unit.scale;
      const int decimals = decimals_for(st.mean * scale, (st.ci_high - st.ci_low) * scale / 2);
      const std::string interval =
          std::isfinite(st.ci_low) ? fmt::format("[{}, {}]", format_number(st.ci_low * scale, decimals),
                                                 format_number(st.ci_high * scale, decimals))
                                   : "-";
      const std::string label = ja ? fig.label_ja : fig.label_en;
      out += fmt::format("  {}{}  {:>10}  {:>22}  {}\n", label, std::string(width - display_width(label), ' '),
                         format_number(st.mean * scale, decimals), interval, ja ? unit.ja : unit.en);
    }
  }
  return out;
}

}  // namespace kyoten::output
