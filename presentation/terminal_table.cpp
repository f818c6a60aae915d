#include "presentation/terminal_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include "presentation/number_format.hpp"

namespace kyoten::presentation {

using output::KpiSummary;
using output::RunSummary;
using output::Statistic;
using output::VarianceSplitSummary;

namespace {

struct Line {
  std::string label, mean, interval, unit;
};

Line line_for(const KpiSummary& k, std::size_t replications, Language language) {
  const hub::KpiInfo& info = hub::kKpis[k.index];
  const ShownUnit unit = shown_unit(info.unit);
  const Statistic& s = k.stat;
  const double mean = s.mean * unit.scale;
  const double low = s.ci_low * unit.scale;
  const double high = s.ci_high * unit.scale;
  const int decimals = decimals_for(mean, (high - low) / 2);
  const std::string interval =
      std::isfinite(low) ? fmt::format("[{}, {}]", format_number(low, decimals), format_number(high, decimals)) : "-";
  Line line{language == Language::Japanese ? info.label_ja : info.label_en, format_number(mean, decimals), interval,
            language == Language::Japanese ? unit.ja : unit.en};
  // Say when a KPI rests on fewer replications than were run (it was undefined in some, e.g. no emergencies).
  if (s.n < replications) line.unit += fmt::format("{}(n={})", line.unit.empty() ? "" : " ", s.n);
  return line;
}

}  // namespace

std::string format_kpi_table(const RunSummary& summary, Language language) {
  const bool ja = language == Language::Japanese;
  const Line header = ja ? Line{"指標", "平均", fmt::format("{:g}%信頼区間", summary.confidence_level * 100), "単位"}
                         : Line{"KPI", "Mean", fmt::format("{:g}% CI", summary.confidence_level * 100), "Unit"};
  std::vector<Line> headline, other;
  for (const KpiSummary& k : summary.kpis)
    (hub::kKpis[k.index].headline ? headline : other).push_back(line_for(k, summary.replications, language));

  std::array<std::size_t, 4> width{};
  auto widen = [&width](const Line& l) {
    width[0] = std::max(width[0], display_width(l.label));
    width[1] = std::max(width[1], display_width(l.mean));
    width[2] = std::max(width[2], display_width(l.interval));
    width[3] = std::max(width[3], display_width(l.unit));
  };
  widen(header);
  for (const Line& l : headline) widen(l);
  for (const Line& l : other) widen(l);

  std::string out;
  auto print = [&](const Line& l) {
    std::string row =
        fmt::format("{:<{}}  {:>{}}  {:>{}}  {}", l.label, width[0], l.mean, width[1], l.interval, width[2], l.unit);
    row.erase(row.find_last_not_of(' ') + 1);
    out += row + '\n';
  };
  print(header);
  out += std::string(width[0] + width[1] + width[2] + width[3] + 6, '-') + '\n';
  for (const Line& l : headline) print(l);
  if (!headline.empty() && !other.empty()) out += '\n';
  for (const Line& l : other) print(l);
  return out;
}

std::string format_variance_split(const RunSummary& summary, Language language) {
  if (summary.draw_group < 2) return {};
  const bool ja = language == Language::Japanese;
  std::string out = ja ? fmt::format("パラメータの不確かさを含む: {}回ずつ同じパラメータを引く組 {}組（信頼区間は組の平均から）\n",
                                     summary.draw_group, summary.replications / summary.draw_group)
                       : fmt::format("Parameters drawn per pair of replications: {} pairs (intervals use the pair "
                                     "means)\n",
                                     summary.replications / summary.draw_group);
  const Line header = ja ? Line{"指標", "分散に占めるパラメータの割合", "", ""}
                         : Line{"Output", "Parameter share of variance", "", ""};
  std::vector<Line> lines;
  for (const VarianceSplitSummary& v : summary.variance_split) {
    const double share = v.split.parameter_share;
    lines.push_back({ja ? v.label_ja : v.label_en,
                     std::isfinite(share) ? fmt::format("{:.0f}%", share * 100) : "-", "", ""});
  }
  std::size_t label = display_width(header.label), value = display_width(header.mean);
  for (const Line& l : lines) {
    label = std::max(label, display_width(l.label));
    value = std::max(value, display_width(l.mean));
  }
  out += fmt::format("{:<{}}  {:>{}}\n", header.label, label, header.mean, value);
  out += std::string(label + value + 2, '-') + '\n';
  for (const Line& l : lines) out += fmt::format("{:<{}}  {:>{}}\n", l.label, label, l.mean, value);
  return out;
}

}  // namespace kyoten::presentation
