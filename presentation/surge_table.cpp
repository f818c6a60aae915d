#include "presentation/surge_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "output/surge_report.hpp"
#include "presentation/number_format.hpp"
#include "sim/time/civil_calendar.hpp"

namespace kyoten::presentation {

using output::RunSummary;
using output::Statistic;
using output::SurgeFigure;
using output::kSurgeFigures;
using output::surge_region;

std::string format_surge_table(const hub::Scenario& scenario, const RunSummary& summary, Language language) {
  const bool ja = language == Language::Japanese;
  std::string out;
  for (std::size_t k = 0; k < summary.surges.size() && k < scenario.surges.size(); ++k) {
    const hub::Surge& s = scenario.surges[k];
    const std::string where = s.region >= 0 ? surge_region(scenario, s) : (ja ? "全域" : "all regions");
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

}  // namespace kyoten::presentation
