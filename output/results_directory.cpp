#include "output/results_directory.hpp"

#include "output/csv_writer.hpp"
#include "output/json_writer.hpp"
#include "output/sqlite_store.hpp"
#include "output/staged_folder.hpp"
#include "output/tables.hpp"
#include "output/vocabulary.hpp"

namespace kyoten::output {

namespace {
constexpr const char* kSummaryJson = "summary.json";
constexpr const char* kResultsDb = "results.db";
}  // namespace

std::vector<std::string> results_file_names() {
  std::vector<std::string> names{kSummaryJson, kVocabularyJson};
  const hub::Scenario no_scenario;  // only the table names are read
  for (const Table& t : replication_tables(no_scenario, {})) names.push_back(t.name + ".csv");
  names.emplace_back(kResultsDb);
  return names;
}

std::vector<std::string> results_folder_names() {
  std::vector<std::string> names = results_file_names();
  names.insert(names.end(), {"parameters.csv", std::string(kResultsDb) + "-journal"});
  return names;
}

void write_results_directory(StagedFolder& staged, const RunInfo& info, const hub::Scenario& scenario,
                             const RunSummary& summary, std::span<const hub::ReplicationResult> results) {
  staged.write(kSummaryJson, [&](std::ostream& out) { write_summary_json(out, info, scenario, summary); });
  staged.write(kVocabularyJson, write_vocabulary_json);

  std::vector<Table> tables = replication_tables(scenario, results);
  if (!scenario.uncertain.empty()) tables.push_back(parameters_table(scenario, results));
  for (const Table& t : tables) staged.write(t.name + ".csv", [&t](std::ostream& out) { write_csv(out, t); });

  tables.push_back(run_table(info, scenario));
  tables.push_back(kpi_summary_table(summary));
  write_sqlite(staged.path_for(kResultsDb), tables);

  staged.commit();
}

void write_results_directory(const std::filesystem::path& dir, const RunInfo& info, const hub::Scenario& scenario,
                             const RunSummary& summary, std::span<const hub::ReplicationResult> results) {
  StagedFolder staged(dir, "--out", results_folder_names());
  write_results_directory(staged, info, scenario, summary, results);
}

}  // namespace kyoten::output
