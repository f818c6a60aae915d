// A successful `kyoten run` end to end on the Setagaya scenario: the results directory has every file of
// docs/results-format.md, summary.json records what was run, and the per-replication tables have a row per
// replication. `kyoten validate` accepts the same scenario.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

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

TEST_F(CliRun, SucceedsPrintsTheTableAndTheDirectory) {
  ASSERT_EQ(result_->exit_code, 0) << result_->err;
  EXPECT_NE(result_->out.find("95% CI"), std::string::npos) << result_->out;
  EXPECT_NE(result_->out.find("Calls"), std::string::npos) << result_->out;
  EXPECT_NE(result_->out.find("out"), std::string::npos) << result_->out;
}

TEST_F(CliRun, WritesEveryFileAndNoTemporary) {
  ASSERT_EQ(result_->exit_code, 0) << result_->err;
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(out())) names.insert(entry.path().filename().string());
  const std::set<std::string> expected{"summary.json",          "kpis.csv",  "monthly.csv", "daily.csv",
                                       "staff_utilisation.csv", "costs.csv", "budget.csv",  "results.db"};
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
