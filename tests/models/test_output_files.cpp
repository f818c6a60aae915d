// The results writers: every file of docs/results-format.md, with its columns; results.db with the same tables;
// numbers that read back exactly; and no temporary left behind, whether writing succeeds or fails.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <chrono>
#include <cmath>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <stdexcept>

#include "output/atomic_file.hpp"
#include "output/csv_writer.hpp"
#include "output/json_writer.hpp"
#include "output/results_directory.hpp"
#include "output/staged_folder.hpp"
#include "scenario/input_error.hpp"
#include "output/summary.hpp"

namespace kyoten::output {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

constexpr double kQuietNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::size_t kReplications = 3;
constexpr std::size_t kCallsIndex = hub::kpi_index("calls");
constexpr std::size_t kAnswerMeanIndex = hub::kpi_index("answer_mean_min");

// A fresh directory under the system temp dir, removed with everything in it at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "kyoten-output-test-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  [[nodiscard]] const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> lines_of(const fs::path& p) {
  std::vector<std::string> lines;
  std::istringstream in(read_text(p));
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::vector<std::string> fields_of(const std::string& line) {
  std::vector<std::string> fields;
  std::istringstream in(line);
  for (std::string f; std::getline(in, f, ',');) fields.push_back(f);
  if (!line.empty() && line.back() == ',') fields.emplace_back();
  return fields;
}

hub::Scenario small_scenario() {
  hub::Scenario s;
  s.meta.name = "tiny";
  s.meta.title_ja = "小さな試験";
  s.meta.title_en = "Tiny test";
  s.horizon.start = std::chrono::sys_days{2023y / 3 / 31};
  s.horizon.end = std::chrono::sys_days{2023y / 4 / 2};
  s.hub.rooms = 2;
  s.centers.resize(1);
  s.centers[0].name = "center";
  s.budget.lines = {{2022, "center_staff", 1000}, {2023, "center_staff", 53532000}, {2023, "training", 110000}};
  return s;
}

// Values chosen to be awkward: 0.1 + 0.2 and 1/3 do not print short, and only exact printing reads back equal.
double awkward(std::size_t r) { return (0.1 + 0.2) * static_cast<double>(r + 1) + 1.0 / 3.0; }

std::vector<hub::ReplicationResult> small_results() {
  std::vector<hub::ReplicationResult> results(kReplications);
  for (std::size_t r = 0; r < kReplications; ++r) {
    hub::ReplicationResult& x = results[r];
    x.replication = r;
    for (std::size_t k = 0; k < hub::kKpiCount; ++k) x.kpi[k] = static_cast<double>(k) + 0.5;
    x.kpi[kCallsIndex] = awkward(r);
    x.kpi[kAnswerMeanIndex] = kQuietNaN;
    x.months = {{2023, 3, 2022, 10, 1, 5, 1, 1, 0, 0, 2, 0, 0, 1000},
                {2023, 4, 2023, 11, 1, 6, 2, 1, 1, 1, 1, 1, 0, 2000}};
    x.days = {{1, 0, 2, 3.25}, {2, 1, 0, 4.5}};
    x.staff_utilisation.fill(kQuietNaN);
    x.staff_utilisation[9] = 0.5;                    // Monday 09:00
    x.staff_utilisation[24 + 10] = awkward(r) / 10;  // Tuesday 10:00
    // The same by duty: Monday 09:00 two scheduled hours, 0.5 + 0.25 + 0.25 busy (inquiry, emergency, assessment),
    // 1.5 overtime on assessments;
    // Tuesday 10:00 one scheduled hour, awkward/10 busy on inquiries.
    x.staff.resize(hub::kDuties);
    for (int d = 0; d < hub::kDuties; ++d) {
      hub::StaffRecord& s = x.staff[static_cast<std::size_t>(d)];
      s.center = 0;
      s.duty = d;
      s.scheduled_hours[9] = 2;
      s.scheduled_hours[24 + 10] = 1;
      s.busy_hours[9] = d == 0 ? 0.5 : d <= 2 ? 0.25 : 0.0;  // the other duties idle
    }
    x.staff[0].busy_hours[24 + 10] = awkward(r) / 10;
    x.staff[2].overtime_hours[9] = 1.5;
    x.overtime = {{2023, 0, {1.5, 4687.5, 1, 0.5, 2000}}};
    x.costs = {{2022, "center_staff", 900.0 + static_cast<double>(r)}, {2023, "center_staff", 5.3e7}};
    x.years = {{2022, {}}, {2023, {}}};
    x.years[1].kpi[1] = 4.0 + static_cast<double>(r);  // hub::kYearKpis[1] is calls: 4, 5, 6 in FY2023
  }
  return results;
}

RunInfo small_run_info() {
  RunInfo info;
  info.kyoten_version = "0.1.0";
  info.created = "2026-11-23T10:00:00Z";
  info.command = "kyoten run tiny.toml --replications 3";
  info.scenario_file = "tiny.toml";
  info.scenario_json = R"({"meta": {"name": "tiny"}, "hub": {"rooms": 2}})";
  info.seed = 7;
  info.replications = kReplications;
  info.threads = 2;
  return info;
}

struct WrittenRun {
  TempDir tmp;
  fs::path dir = tmp.path() / "results" / "tiny";  // parents do not exist yet
  hub::Scenario scenario = small_scenario();
  std::vector<hub::ReplicationResult> results = small_results();
  RunSummary summary = summarise(results, scenario.budget);
  WrittenRun() { write_results_directory(dir, small_run_info(), scenario, summary, results); }
};

TEST(OutputFiles, EveryFileIsWrittenAndNoTemporaryRemains) {
  const WrittenRun run;
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(run.dir)) names.insert(entry.path().filename().string());
  const std::set<std::string> expected{"summary.json", "vocabulary.json", "kpis.csv",   "monthly.csv",
                                       "daily.csv",    "staff_utilisation.csv", "overtime.csv", "costs.csv",
                                       "budget.csv",   "results.db"};
  EXPECT_EQ(names, expected);
  const auto listed = results_file_names();
  EXPECT_EQ(std::set<std::string>(listed.begin(), listed.end()), expected);
}

TEST(OutputFiles, KpisCsvHasOneColumnPerKpiAndRoundTrips) {
  const WrittenRun run;
  const auto lines = lines_of(run.dir / "kpis.csv");
  ASSERT_EQ(lines.size(), kReplications + 1);
  const auto header = fields_of(lines[0]);
  ASSERT_EQ(header.size(), hub::kKpiCount + 1);
  EXPECT_EQ(header[0], "replication");
  for (std::size_t k = 0; k < hub::kKpiCount; ++k) EXPECT_EQ(header[k + 1], hub::kKpis[k].key);
  for (std::size_t r = 0; r < kReplications; ++r) {
    const auto row = fields_of(lines[r + 1]);
    ASSERT_EQ(row.size(), header.size());
    EXPECT_EQ(row[0], std::to_string(r));
    EXPECT_EQ(std::strtod(row[kCallsIndex + 1].c_str(), nullptr), awkward(r));  // exact, not near
    EXPECT_EQ(row[kAnswerMeanIndex + 1], "");                                   // NaN is an empty field
  }
}

TEST(OutputFiles, MonthlyDailyStaffCostsAndBudgetHaveTheSpecifiedColumns) {
  const WrittenRun run;
  auto monthly = lines_of(run.dir / "monthly.csv");
  EXPECT_EQ(monthly[0],
            "replication,month,fiscal_year,registrants_end,registrations,calls,emergencies,arranged,unresolved,"
            "assessments,assessment_backlog_end,experience_done,experience_preempted,cost_yen");
  ASSERT_EQ(monthly.size(), 1 + kReplications * 2);
  EXPECT_EQ(monthly[1], "0,2023-03,2022,10,1,5,1,1,0,0,2,0,0,1000");
  EXPECT_EQ(fields_of(monthly[2])[1], "2023-04");

  auto daily = lines_of(run.dir / "daily.csv");
  EXPECT_EQ(daily[0],
            "replication,date,hub_rooms_in_use_max,hub_rooms_in_use_min,emergency_beds_in_use_max,"
            "short_stay_beds_in_use_mean");
  ASSERT_EQ(daily.size(), 1 + kReplications * 2);
  EXPECT_EQ(daily[1], "0,2023-03-31,1,0,2,3.25");  // day 0 is the horizon's start
  EXPECT_EQ(daily[2], "0,2023-04-01,2,1,0,4.5");

  auto staff = lines_of(run.dir / "staff_utilisation.csv");
  EXPECT_EQ(staff[0],
            "replication,center,duty,hour_of_week,weekday,hour,scheduled_hours,busy_hours,overtime_hours,utilisation");
  // Per replication and center: all duties, then each duty of hub::kDutyKeys, 168 hours each.
  constexpr std::size_t kRows = 1 + hub::kDuties;
  ASSERT_EQ(staff.size(), 1 + kReplications * kRows * 168);
  EXPECT_EQ(staff[1], "0,center,all,0,0,0,0,0,0,");  // nobody on duty: empty
  EXPECT_EQ(staff[1 + 9], "0,center,all,9,0,9,2,1,1.5,0.5");
  EXPECT_EQ(staff[1 + 168 + 9], "0,center,inquiry,9,0,9,2,0.5,0,0.25");
  EXPECT_EQ(staff[1 + 3 * 168 + 9], "0,center,assessment,9,0,9,2,0.25,1.5,0.125");
  const auto tuesday = fields_of(staff[1 + kRows * 168 + 34]);  // replication 1, all duties, Tuesday 10:00
  EXPECT_EQ(tuesday[0], "1");
  EXPECT_EQ(tuesday[2], "all");
  EXPECT_EQ(tuesday[4], "1");
  EXPECT_EQ(tuesday[5], "10");
  EXPECT_EQ(std::strtod(tuesday[9].c_str(), nullptr), awkward(1) / 10);

  auto overtime = lines_of(run.dir / "overtime.csv");
  EXPECT_EQ(overtime[0],
            "replication,fiscal_year,center,overtime_hours,overtime_yen,call_outs,call_out_hours,call_out_yen");
  ASSERT_EQ(overtime.size(), 1 + kReplications);
  EXPECT_EQ(overtime[1], "0,2023,center,1.5,4687.5,1,0.5,2000");

  auto costs = lines_of(run.dir / "costs.csv");
  EXPECT_EQ(costs[0], "replication,fiscal_year,line,yen");
  ASSERT_EQ(costs.size(), 1 + kReplications * 2);
  EXPECT_EQ(costs[1], "0,2022,center_staff,900");
  EXPECT_EQ(costs[2], "0,2023,center_staff,53000000");

  // budget.csv: the scenario's lines as stated, then each line's risk (changed deliberately: the risk columns are
  // new). The horizon covers one day of each fiscal year (FY2022 has 365 days, FY2023 366): budgets pro-rated.
  auto budget = lines_of(run.dir / "budget.csv");
  ASSERT_EQ(budget.size(), 4u);
  EXPECT_EQ(budget[0],
            "fiscal_year,line,yen,compared_yen,days_simulated,days_in_year,cost_mean,cost_p5,cost_p95,p_over_budget,"
            "p_over_budget_ci_low,p_over_budget_ci_high,probable_unit_error");
  const auto fy2022 = fields_of(budget[1]);
  ASSERT_EQ(fy2022.size(), 13u);
  EXPECT_EQ(fy2022[0] + "," + fy2022[1] + "," + fy2022[2], "2022,center_staff,1000");
  EXPECT_NEAR(std::strtod(fy2022[3].c_str(), nullptr), 1000.0 / 365, 1e-9);
  EXPECT_EQ(fy2022[4] + "," + fy2022[5], "1,365");
  EXPECT_DOUBLE_EQ(std::strtod(fy2022[6].c_str(), nullptr), 901);  // costs 900, 901, 902
  EXPECT_DOUBLE_EQ(std::strtod(fy2022[9].c_str(), nullptr), 1);    // all three over 2.74 yen
  EXPECT_EQ(fy2022[12], "1");  // 901 yen against 2.74: 329× — flagged as a probable unit error
  const auto training = fields_of(budget[3]);
  EXPECT_EQ(training[0] + "," + training[1] + "," + training[2], "2023,training,110000");
  EXPECT_DOUBLE_EQ(std::strtod(training[9].c_str(), nullptr), 0);  // nothing spent: never over
  EXPECT_EQ(training[12], "0");
}

TEST(OutputFiles, SummaryJsonRecordsTheRunAndTheAggregates) {
  const WrittenRun run;
  const auto j = nlohmann::json::parse(read_text(run.dir / "summary.json"));
  EXPECT_EQ(j["kyoten_version"], "0.1.0");
  EXPECT_EQ(j["created"], "2026-11-23T10:00:00Z");
  EXPECT_EQ(j["command"], "kyoten run tiny.toml --replications 3");
  EXPECT_EQ(j["scenario_file"], "tiny.toml");
  EXPECT_EQ(j["scenario"]["hub"]["rooms"], 2);
  EXPECT_EQ(j["scenario_name"], "tiny");
  EXPECT_EQ(j["title_ja"], "小さな試験");
  EXPECT_EQ(j["title_en"], "Tiny test");
  EXPECT_EQ(j["seed"], 7);
  EXPECT_EQ(j["replications"], 3);
  EXPECT_EQ(j["threads"], 2);
  EXPECT_EQ(j["horizon"]["start"], "2023-03-31");
  EXPECT_EQ(j["horizon"]["end"], "2023-04-02");
  EXPECT_EQ(j["confidence_level"], 0.95);

  ASSERT_EQ(j["kpis"].size(), hub::kKpiCount);
  const auto& calls = j["kpis"][kCallsIndex];
  EXPECT_EQ(calls["key"], "calls");
  EXPECT_EQ(calls["label_ja"], "相談件数");
  EXPECT_EQ(calls["unit"], "count");
  EXPECT_EQ(calls["headline"], true);
  EXPECT_EQ(calls["n"], 3);
  EXPECT_EQ(calls["mean"].get<double>(), run.summary.kpis[kCallsIndex].stat.mean);  // exact round trip
  for (const char* field : {"ci_low", "ci_high", "sd", "p2_5", "p50", "p97_5"}) EXPECT_TRUE(calls[field].is_number());
  const auto& answer = j["kpis"][kAnswerMeanIndex];
  EXPECT_EQ(answer["n"], 0);
  EXPECT_TRUE(answer["mean"].is_null());

  ASSERT_EQ(j["costs"].size(), 3u);  // (2022, center_staff), (2023, center_staff), (2023, training)
  EXPECT_EQ(j["costs"][1]["fiscal_year"], 2023);
  EXPECT_EQ(j["costs"][1]["line"], "center_staff");
  EXPECT_EQ(j["costs"][1]["mean"], 5.3e7);
  EXPECT_EQ(j["costs"][1]["budget_yen"], 53532000);
  EXPECT_EQ(j["costs"][2]["line"], "training");
  EXPECT_EQ(j["costs"][2]["mean"], 0.0);

  // The window 2023-03-31 .. 2023-04-02 touches FY2022 for one day and FY2023 for one day.
  const auto& years = j["fiscal_years"];
  ASSERT_EQ(years.size(), 2u);
  EXPECT_EQ(years[0]["fiscal_year"], 2022);
  EXPECT_EQ(years[0]["start"], "2023-03-31");
  EXPECT_EQ(years[0]["end"], "2023-04-01");
  EXPECT_EQ(years[0]["days"], 1);
  EXPECT_EQ(years[1]["start"], "2023-04-01");
  EXPECT_EQ(years[1]["end"], "2023-04-02");
  ASSERT_EQ(years[1]["kpis"].size(), hub::kYearKpiCount);
  EXPECT_EQ(years[1]["kpis"][1]["key"], "calls");
  EXPECT_EQ(years[1]["kpis"][1]["mean"], 5.0);
  EXPECT_EQ(years[1]["kpis"][1]["n"], 3);
}

// Runs one query returning a single integer.
long long query_integer(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << sql << ": " << sqlite3_errmsg(db);
    return -1;
  }
  const long long value = sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : -1;
  sqlite3_finalize(stmt);
  return value;
}

double query_double(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  double value = kQuietNaN;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
    value = sqlite3_column_double(stmt, 0);
  sqlite3_finalize(stmt);
  return value;
}

TEST(OutputFiles, ResultsDbHoldsTheSameTablesAndRows) {
  const WrittenRun run;
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2((run.dir / "results.db").c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  const std::pair<const char*, long long> expected[] = {
      {"run", 1},
      {"kpi_summary", static_cast<long long>(hub::kKpiCount)},
      {"kpis", kReplications},
      {"monthly", kReplications * 2},
      {"daily", kReplications * 2},
      {"staff_utilisation", kReplications * (1 + hub::kDuties) * 168},
      {"overtime", kReplications},
      {"costs", kReplications * 2},
      {"budget", 3},
  };
  EXPECT_EQ(query_integer(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"), 9);
  for (const auto& [table, rows] : expected)
    EXPECT_EQ(query_integer(db, std::string("SELECT count(*) FROM ") + table), rows) << table;

  EXPECT_EQ(query_double(db, "SELECT calls FROM kpis WHERE replication = 2"), awkward(2));
  EXPECT_EQ(query_integer(db, "SELECT count(*) FROM kpis WHERE answer_mean_min IS NULL"), 3);
  EXPECT_EQ(query_integer(db, "SELECT count(*) FROM staff_utilisation WHERE utilisation IS NULL"),
            static_cast<long long>(kReplications * (1 + hub::kDuties) * 166));
  EXPECT_EQ(query_integer(db, "SELECT count(*) FROM daily WHERE date = '2023-04-01'"), 3);
  EXPECT_EQ(query_integer(db, "SELECT count(*) FROM monthly WHERE month = '2023-03'"), 3);
  EXPECT_EQ(query_integer(db, "SELECT seed FROM run"), 7);
  EXPECT_EQ(query_integer(db, "SELECT replications FROM run"), 3);
  EXPECT_EQ(query_integer(db, "SELECT n FROM kpi_summary WHERE key = 'calls'"), 3);
  EXPECT_EQ(query_integer(db, "SELECT headline FROM kpi_summary WHERE key = 'calls'"), 1);
  EXPECT_EQ(query_double(db, "SELECT yen FROM budget WHERE fiscal_year = 2023 AND line = 'center_staff'"), 53532000);
  sqlite3_close(db);
}

TEST(OutputFiles, WritingAgainReplacesTheFiles) {
  WrittenRun run;
  run.results.pop_back();
  run.summary = summarise(run.results, run.scenario.budget);
  write_results_directory(run.dir, small_run_info(), run.scenario, run.summary, run.results);
  EXPECT_EQ(lines_of(run.dir / "kpis.csv").size(), kReplications);  // header + 2 rows
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(run.dir)) ++files;
  EXPECT_EQ(files, 10u);  // the ten files of a results directory, none left over
}

TEST(AtomicFile, AFailureLeavesTheFinalNamesUntouchedAndNoTemporary) {
  const TempDir tmp;
  { std::ofstream(tmp.path() / "a.txt") << "old"; }
  EXPECT_THROW(
      {
        StagedDirectory staged(tmp.path());
        staged.write("a.txt", [](std::ostream& out) { out << "new"; });
        staged.write("b.txt", [](std::ostream& out) {
          out << "half";
          throw std::runtime_error("disk full");
        });
        staged.commit();
      },
      std::runtime_error);
  EXPECT_EQ(read_text(tmp.path() / "a.txt"), "old");
  EXPECT_FALSE(fs::exists(tmp.path() / "b.txt"));
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(tmp.path())) ++files;
  EXPECT_EQ(files, 1u);
}

TEST(AtomicFile, CommitRenamesEveryTemporary) {
  const TempDir tmp;
  {
    StagedDirectory staged(tmp.path() / "new");
    staged.write("a.txt", [](std::ostream& out) { out << "A"; });
    EXPECT_FALSE(fs::exists(tmp.path() / "new" / "a.txt"));  // not visible before commit
    staged.commit();
  }
  EXPECT_EQ(read_text(tmp.path() / "new" / "a.txt"), "A");
  write_file_atomically(tmp.path() / "single.txt", [](std::ostream& out) { out << "one"; });
  EXPECT_EQ(read_text(tmp.path() / "single.txt"), "one");
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : fs::recursive_directory_iterator(tmp.path())) ++files;
  EXPECT_EQ(files, 3u);  // new/, new/a.txt, single.txt
}

std::set<std::string> names_in(const fs::path& dir) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.insert(entry.path().filename().string());
  return names;
}

TEST(StagedFolder, NothingIsVisibleBeforeCommitAndAFailureLeavesTheEarlierFolderUntouched) {
  const TempDir tmp;
  const fs::path dir = tmp.path() / "out";
  {
    StagedFolder first(dir, "--out", {"a.txt", "b.txt"});
    first.write("a.txt", [](std::ostream& out) { out << "old"; });
    EXPECT_FALSE(fs::exists(dir)) << "not visible before commit";
    first.commit();
  }
  EXPECT_THROW(
      {
        StagedFolder second(dir, "--out", {"a.txt", "b.txt"});
        second.write("a.txt", [](std::ostream& out) { out << "new"; });
        second.write("b.txt", [](std::ostream&) { throw std::runtime_error("disk full"); });
        second.commit();
      },
      std::runtime_error);
  EXPECT_EQ(names_in(dir), std::set<std::string>{"a.txt"});
  EXPECT_EQ(read_text(dir / "a.txt"), "old");
  EXPECT_EQ(names_in(tmp.path()), std::set<std::string>{"out"}) << "no temporary folder, no lock file";
}

TEST(StagedFolder, CommitReplacesTheWholeFolder) {
  const TempDir tmp;
  const fs::path dir = tmp.path() / "out";
  fs::create_directory(dir);
  { std::ofstream(dir / "b.txt") << "earlier run"; }
  { std::ofstream(dir / "report_ja.html") << "earlier report"; }
  StagedFolder staged(dir, "--out", {"a.txt", "b.txt"});
  staged.write("a.txt", [](std::ostream& out) { out << "A"; });
  staged.commit();
  EXPECT_EQ(names_in(dir), std::set<std::string>{"a.txt"});
}

TEST(StagedFolder, ASecondWriterIsRefusedWhileTheFirstHoldsTheLock) {
  const TempDir tmp;
  const StagedFolder first(tmp.path() / "out", "--out", {"a.txt"});
  try {
    const StagedFolder second(tmp.path() / "out", "--out", {"a.txt"});
    ADD_FAILURE() << "the second writer was let in";
  } catch (const InputErrors& e) {
    EXPECT_NE(std::string(e.what()).find("is writing it now"), std::string::npos) << e.what();
  }
}

TEST(StagedFolder, LeftoversOfDeadRunsAreRemovedOthersKept) {
  const TempDir tmp;
  fs::create_directories(tmp.path() / ".out.tmp-999999999" / "x");
  fs::create_directory(tmp.path() / ".out.tmp-1x");    // not a pid: not ours
  fs::create_directory(tmp.path() / ".outer.tmp-12");  // another folder's
  const StagedFolder staged(tmp.path() / "out", "--out", {"a.txt"});
  EXPECT_EQ(staged.removed_leftovers(), std::vector<std::string>{".out.tmp-999999999"});
  EXPECT_TRUE(fs::exists(tmp.path() / ".out.tmp-1x"));
  EXPECT_TRUE(fs::exists(tmp.path() / ".outer.tmp-12"));
}

TEST(CsvWriter, QuotesFieldsThatNeedIt) {
  Table t{"t", {{"text", ColumnType::Text}, {"x", ColumnType::Real}}, {}};
  t.for_each_row = [](const std::function<void(const Row&)>& emit) {
    emit({std::string("a,b"), 1.5});
    emit({std::string("say \"hi\""), std::monostate{}});
  };
  std::ostringstream out;
  write_csv(out, t);
  EXPECT_EQ(out.str(), "text,x\n\"a,b\",1.5\n\"say \"\"hi\"\"\",\n");
}

}  // namespace
}  // namespace kyoten::output
