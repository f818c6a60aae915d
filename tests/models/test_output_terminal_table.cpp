// The terminal KPI table: headline KPIs first, labels in the chosen language, units shown readably, and
// columns that line up when labels are Japanese (two display columns per character).
#include <gtest/gtest.h>

#include <sstream>

#include "presentation/terminal_table.hpp"

namespace kyoten::output {
namespace {

using presentation::format_kpi_table;
using presentation::Language;

// Display columns, independently of the code under test: CJK and full-width forms count two.
std::size_t columns(const std::string& utf8) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    const std::size_t bytes = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = bytes == 1 ? c : c & (0xFF >> (bytes + 1));
    for (std::size_t k = 1; k < bytes; ++k) cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    width += (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xFF00 && cp <= 0xFF60) ? 2 : 1;
    i += bytes;
  }
  return width;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

RunSummary sample_summary() {
  RunSummary s;
  s.replications = 10;
  for (std::size_t k = 0; k < hub::kKpiCount; ++k) {
    Statistic stat{12.0, 11.0, 13.0, 1.5, 10, 9.0, 12.0, 15.0};
    s.kpis.push_back({k, stat});
  }
  s.kpis[hub::kpi_index("cost_total_yen")].stat = {53532000, 53000000, 54064000, 1e5, 10, 0, 0, 0};
  s.kpis[hub::kpi_index("arrange_within_4h")].stat = {0.813, 0.80, 0.826, 0.01, 10, 0, 0, 0};
  s.kpis[hub::kpi_index("answer_mean_min")].stat = {6.0, 0.0, 12.0, 1.0, 4, 0, 0, 0};
  return s;
}

std::string line_with(const std::vector<std::string>& lines, const std::string& label) {
  for (const auto& l : lines)
    if (l.rfind(label + " ", 0) == 0) return l;
  return {};
}

TEST(TerminalTable, HeadlineKpisComeFirstInJapanese) {
  const auto lines = lines_of(format_kpi_table(sample_summary(), Language::Japanese));
  std::size_t headline_count = 0;
  for (const auto& k : hub::kKpis) headline_count += k.headline;
  ASSERT_GT(lines.size(), 2 + headline_count);
  EXPECT_NE(lines[0].find("平均"), std::string::npos);
  EXPECT_NE(lines[0].find("95%信頼区間"), std::string::npos);
  for (std::size_t i = 0; i < headline_count; ++i) {
    bool is_headline = false;
    for (const auto& k : hub::kKpis)
      is_headline |= k.headline && lines[2 + i].rfind(std::string(k.label_ja) + " ", 0) == 0;
    EXPECT_TRUE(is_headline) << lines[2 + i];
  }
  EXPECT_TRUE(lines[2 + headline_count].empty());  // a blank line before the other KPIs
}

TEST(TerminalTable, UnitsAreReadable) {
  const auto ja = lines_of(format_kpi_table(sample_summary(), Language::Japanese));
  const std::string cost = line_with(ja, "総費用");
  EXPECT_NE(cost.find("53,532"), std::string::npos) << cost;  // thousands of yen, grouped
  EXPECT_NE(cost.find("[53,000, 54,064]"), std::string::npos) << cost;
  EXPECT_NE(cost.find("千円"), std::string::npos) << cost;
  const std::string share = line_with(ja, "4時間以内に確保した割合（全緊急対応のうち）");
  EXPECT_NE(share.find("81.3"), std::string::npos) << share;  // percent with the interval's resolution
  EXPECT_NE(share.find("%"), std::string::npos) << share;
  const std::string answer = line_with(ja, "初回応答までの平均時間");
  EXPECT_NE(answer.find("分"), std::string::npos) << answer;
  EXPECT_NE(answer.find("n=4"), std::string::npos) << answer;  // fewer replications than were run

  const auto en = lines_of(format_kpi_table(sample_summary(), Language::English));
  EXPECT_NE(line_with(en, "Total cost").find("thousand yen"), std::string::npos);
  EXPECT_NE(line_with(en, "Time to first answer, mean").find("min"), std::string::npos);
  EXPECT_NE(en[0].find("95% CI"), std::string::npos);
}

TEST(TerminalTable, ColumnsLineUpByDisplayWidth) {
  for (Language language : {Language::Japanese, Language::English}) {
    const auto lines = lines_of(format_kpi_table(sample_summary(), language));
    std::size_t interval_end = 0;
    for (std::size_t i = 2; i < lines.size(); ++i) {
      if (lines[i].empty()) continue;
      const std::size_t close = lines[i].find(']');
      ASSERT_NE(close, std::string::npos) << lines[i];
      const std::size_t end = columns(lines[i].substr(0, close + 1));
      if (interval_end == 0) interval_end = end;
      EXPECT_EQ(end, interval_end) << lines[i];
    }
  }
}

}  // namespace
}  // namespace kyoten::output
