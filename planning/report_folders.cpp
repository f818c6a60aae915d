#include "planning/report_folders.hpp"

#include <ostream>

#include "output/csv_writer.hpp"
#include "output/vocabulary.hpp"

namespace kyoten::planning {
namespace {

constexpr const char* kComparisonJson = "comparison.json";
constexpr const char* kComparisonCsv = "comparison.csv";
constexpr const char* kMonthlyBandsCsv = "monthly_bands.csv";
constexpr const char* kOptimizeJson = "optimize.json";

void write_json(output::StagedFolder& staged, const std::string& name, const json& document) {
  staged.write(name, [&](std::ostream& out) { out << document.dump(2) << '\n'; });
}

}  // namespace

std::vector<std::string> comparison_file_names() {
  return {kComparisonJson, kComparisonCsv, kMonthlyBandsCsv, output::kVocabularyJson};
}

void write_comparison(output::StagedFolder& staged, const json& comparison, const output::Table& differences,
                      const output::Table& monthly_bands) {
  write_json(staged, kComparisonJson, comparison);
  staged.write(kComparisonCsv, [&](std::ostream& out) { output::write_csv(out, differences); });
  staged.write(output::kVocabularyJson, output::write_vocabulary_json);
  staged.write(kMonthlyBandsCsv, [&](std::ostream& out) { output::write_csv(out, monthly_bands); });
  staged.commit();
}

std::vector<std::string> optimize_file_names() { return {kOptimizeJson, output::kVocabularyJson}; }

void write_optimize(output::StagedFolder& staged, const json& optimize) {
  write_json(staged, kOptimizeJson, optimize);
  staged.write(output::kVocabularyJson, output::write_vocabulary_json);
  staged.commit();
}

}  // namespace kyoten::planning
