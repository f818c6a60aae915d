// A successful `kyoten run` end to end on the Setagaya scenario: the results directory has every file of
// docs/results-format.md, summary.json records what was run, and the per-replication tables have a row per
// replication. `kyoten validate` accepts the same scenario.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <vector>

#include "cli_test_support.hpp"
#include "models/hub/results.hpp"

namespace kyoten::test {
namespace {

constexpr const char* kScenario = "scenarios/setagaya-fy2023.toml";

std::size_t line_count(const std::string& text) {
  std::size_t n = 0;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) ++n;
  return n;
}

// One run shared by the tests below (four replications take a moment).
class CliRun : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir;
    result_ = new CliResult(run_kyoten(
        "run " + shell_quoted(source_path(kScenario)) + " --replications 4 --seed 11 --threads 2 --out out --lang en",
        tmp_->path()));
  }
  static void TearDownTestSuite() {
    delete result_;
    delete tmp_;
  }
  static fs::path out() { return tmp_->path() / "out"; }
  static inline TempDir* tmp_ = nullptr;
  static inline CliResult* result_ = nullptr;
};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST_F(CliRun, SucceedsPrintsTheTableAndTheDirectory) {
  ASSERT_EQ(result_->exit_code, 0) << result_->err;
  const auto lines = lines_of(result_->out);
  ASSERT_GE(lines.size(), 4u) << result_->out;
  // Header, a rule as wide as the table, then the KPIs; the directory is the last line.
  EXPECT_EQ(lines[0].rfind("KPI ", 0), 0u) << lines[0];
  EXPECT_NE(lines[0].find("Mean"), std::string::npos) << lines[0];
  EXPECT_NE(lines[0].find("95% CI"), std::string::npos) << lines[0];
  EXPECT_EQ(lines[1].find_first_not_of('-'), std::string::npos) << lines[1];
  EXPECT_GE(lines[1].size(), lines[0].size());
  EXPECT_EQ(lines.back(), "Results: out");
  // Every KPI has exactly one row, headline KPIs first, in the order of hub::kKpis.
  std::vector<std::size_t> row_of;
  for (const hub::KpiInfo& k : hub::kKpis) {
    std::size_t found = 0, row = 0;
    for (std::size_t i = 2; i < lines.size(); ++i)
      if (lines[i].rfind(std::string(k.label_en) + "  ", 0) == 0) ++found, row = i;
    EXPECT_EQ(found, 1u) << k.label_en;
    row_of.push_back(row);
  }
  for (std::size_t i = 1; i < hub::kKpiCount; ++i) {
    if (hub::kKpis[i].headline == hub::kKpis[i - 1].headline) {
      EXPECT_LT(row_of[i - 1], row_of[i]) << hub::kKpis[i].key;
    }
  }
}

TEST_F(CliRun, PrintedMeanIsSummaryJsonsMeanRounded) {
  ASSERT_EQ(result_->exit_code, 0) << result_->err;
  const auto j = nlohmann::json::parse(read_text(out() / "summary.json"));
  double mean = std::nan("");
  for (const auto& k : j["kpis"])
    if (k["key"] == "calls") mean = k["mean"].get<double>();
  ASSERT_TRUE(std::isfinite(mean));
  for (const std::string& line : lines_of(result_->out)) {
    if (line.rfind("Calls  ", 0) != 0) continue;
    std::istringstream fields(line.substr(5));
    std::string shown;
    fields >> shown;
    shown.erase(std::remove(shown.begin(), shown.end(), ','), shown.end());
    const std::size_t point = shown.find('.');
    const int decimals = point == std::string::npos ? 0 : static_cast<int>(shown.size() - point - 1);
    EXPECT_NEAR(std::stod(shown), mean, 0.5 * std::pow(10.0, -decimals) + 1e-9) << line;
    return;
  }
  ADD_FAILURE() << "no Calls row in\n" << result_->out;
}

TEST_F(CliRun, WritesEveryFileAndNoTemporary) {
  ASSERT_EQ(result_->exit_code, 0) << result_->err;
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(out())) names.insert(entry.path().filename().string());
  const std::set<std::string> expected{"summary.json", "vocabulary.json", "kpis.csv",  "monthly.csv", "daily.csv", "staff_utilisation.csv",
                                       "overtime.csv", "costs.csv", "budget.csv",  "results.db"};
  EXPECT_EQ(names, expected);
}

TEST_F(CliRun, SummaryJsonRecordsTheResolvedScenarioSeedAndReplications) {
  ASSERT_EQ(result_->exit_code, 0) << result_->err;
  const auto j = nlohmann::json::parse(read_text(out() / "summary.json"));
  EXPECT_EQ(j["seed"], 11);
  EXPECT_EQ(j["replications"], 4);
  EXPECT_EQ(j["threads"], 2);
  EXPECT_EQ(j["scenario_name"], "setagaya-fy2023");
  ASSERT_TRUE(j["scenario"].is_object());
  EXPECT_TRUE(j["scenario"].contains("meta")) << j["scenario"].dump();
  EXPECT_TRUE(j["scenario"]["hub"].contains("rooms")) << "the daily table needs scenario.hub.rooms";
  EXPECT_NE(j["command"].get<std::string>().find("--replications 4"), std::string::npos);
  EXPECT_FALSE(j["kyoten_version"].get<std::string>().empty());
  EXPECT_EQ(j["kpis"].size(), hub::kKpiCount);
  for (const auto& k : j["kpis"]) {
    EXPECT_TRUE(k.contains("mean") && k.contains("ci_low") && k.contains("p97_5")) << k.dump();
    EXPECT_LE(k["n"].get<int>(), 4);
  }
}

TEST_F(CliRun, KpisCsvHasOneRowPerReplication) {
  ASSERT_EQ(result_->exit_code, 0) << result_->err;
  EXPECT_EQ(line_count(read_text(out() / "kpis.csv")), 1u + 4u);
}

TEST_F(CliRun, SameSeedGivesTheSameKpisWhateverTheThreadCount) {
  ASSERT_EQ(result_->exit_code, 0) << result_->err;
  const CliResult again = run_kyoten(
      "run " + shell_quoted(source_path(kScenario)) + " --replications 4 --seed 11 --threads 1 --out again --quiet",
      tmp_->path());
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out, "again\n");  // --quiet prints only the directory
  EXPECT_EQ(read_text(tmp_->path() / "again" / "kpis.csv"), read_text(out() / "kpis.csv"));
}

TEST(CliValidate, AcceptsTheSetagayaScenario) {
  const TempDir tmp;
  const CliResult r = run_kyoten("validate " + shell_quoted(source_path(kScenario)), tmp.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("OK: setagaya-fy2023 (", 0), 0u) << r.out;
}

}  // namespace
}  // namespace kyoten::test

namespace kyoten::test {
namespace {

// A scenario with uncertain parameters: pairs of replications share a draw, so counts are whole pairs, the drawn
// values are recorded, and the run says how much of each output's spread comes from the parameters.
constexpr const char* kCalibrated = "scenarios/setagaya-wardwide-calibrated.toml";

TEST(CliRunUncertain, RoundsAnOddCountToWholePairsRecordsTheDrawsAndSplitsTheVariance) {
  TempDir tmp;
  const CliResult r = run_kyoten("run " + shell_quoted(source_path(kCalibrated)) +
                                     " --set horizon.end=2025-04-01 --replications 7 --seed 2 --threads 2 --out out "
                                     "--lang en",
                                 tmp.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("--replications 7 -> 8: uncertain parameters are drawn once per pair"), std::string::npos)
      << r.err;
  EXPECT_NE(r.out.find("Parameter share of variance"), std::string::npos) << r.out;
  const auto summary = nlohmann::json::parse(read_text(tmp.path() / "out" / "summary.json"));
  EXPECT_EQ(summary["replications"].get<std::size_t>(), 8u);
  const auto& split = summary["variance_split"];
  EXPECT_TRUE(split["applicable"].get<bool>());
  EXPECT_EQ(split["replications_per_draw"].get<int>(), 2);
  EXPECT_EQ(split["outputs"][1]["key"], "calls");
  EXPECT_EQ(split["outputs"][1]["pairs"].get<int>(), 4);
  // 12 values per replication: the rate, 4 band shares, 4 emergency shares, 3 need weights.
  const std::string parameters = read_text(tmp.path() / "out" / "parameters.csv");
  EXPECT_EQ(line_count(parameters), 1u + 8u * 12u);
  EXPECT_EQ(parameters.rfind("replication,parameter_set,parameter,value\n", 0), 0u);
  EXPECT_NE(parameters.find("\n7,3,calls.need_weights.both,"), std::string::npos);
}

TEST(CliRunUncertain, PlainScenarioSaysTheSplitDoesNotApply) {
  TempDir tmp;
  const CliResult r = run_kyoten(
      "run " + shell_quoted(source_path(kScenario)) + " --replications 3 --seed 2 --threads 2 --out out --lang en",
      tmp.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.find("->"), std::string::npos) << r.err;
  const auto summary = nlohmann::json::parse(read_text(tmp.path() / "out" / "summary.json"));
  EXPECT_EQ(summary["replications"].get<std::size_t>(), 3u);
  EXPECT_FALSE(summary["variance_split"]["applicable"].get<bool>());
  EXPECT_FALSE(fs::exists(tmp.path() / "out" / "parameters.csv"));
}

TEST(CliRunUncertain, PrecisionAddsReplicationsInPairs) {
  TempDir tmp;
  const CliResult r = run_kyoten("run " + shell_quoted(source_path(kCalibrated)) +
                                     " --set horizon.end=2025-04-01 --precision 0.2 --replications 5 "
                                     "--max-replications 41 --seed 3 --threads 2 --out out -q",
                                 tmp.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto p = nlohmann::json::parse(read_text(tmp.path() / "out" / "summary.json"))["precision"];
  EXPECT_EQ(p["replications"].get<std::size_t>() % 2, 0u);
  EXPECT_EQ(p["max_replications"].get<std::size_t>(), 42u);
  if (!p["solution"].is_null()) {
    EXPECT_EQ(p["solution"].get<std::size_t>() % 2, 0u);
  }
}

}  // namespace
}  // namespace kyoten::test
