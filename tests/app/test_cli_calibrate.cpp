// `kyoten calibrate` end to end: the shipped Setagaya observations give a table and a fragment written whole;
// a bad observations file is reported file:line:col with exit 2 and nothing written. And `kyoten run
// --precision`: the replication-control record lands in summary.json; a bad --precision is refused with exit 2.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "cli_test_support.hpp"

namespace kyoten::test {
namespace {

TEST(CliCalibrate, ShippedObservationsPrintTheTableAndWriteTheFragment) {
  TempDir tmp;
  const CliResult r = run_kyoten(
      "calibrate " + shell_quoted(source_path("scenarios/observations/setagaya-fy2023.toml")) + " --out fragment.toml",
      tmp.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("calls.per_registrant_per_year"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Gamma(48.5, 99)"), std::string::npos) << r.out;
  const std::string fragment = read_text(tmp.path() / "fragment.toml");
  EXPECT_NE(fragment.find("per_registrant_per_year = { dist = \"gamma\", shape = 48.5, rate = 99 }"), std::string::npos)
      << fragment;
  for (const auto& entry : fs::directory_iterator(tmp.path()))
    EXPECT_EQ(entry.path().filename().string().find(".tmp"), std::string::npos) << entry.path();
}

// The table speaks the reader's language: Japanese by default (as every kyoten command), English with --lang en;
// the parameter keys and distributions are the scenario's words in both.
TEST(CliCalibrate, PrintsInJapaneseByDefaultAndInEnglishWithLangEn) {
  TempDir tmp;
  const std::string observations = shell_quoted(source_path("scenarios/observations/setagaya-fy2023.toml"));
  const CliResult ja = run_kyoten("calibrate " + observations + " --out fragment.toml", tmp.path());
  ASSERT_EQ(ja.exit_code, 0) << ja.err;
  for (const char* text : {"パラメータ", "事後分布", "95%区間", "48 / 99 登録者・年", "シナリオ断片の保存先:"})
    EXPECT_NE(ja.out.find(text), std::string::npos) << text << "\n" << ja.out;
  EXPECT_EQ(ja.out.find("registrant-years"), std::string::npos) << ja.out;
  const CliResult en = run_kyoten("calibrate " + observations + " --out fragment.toml --lang en", tmp.path());
  ASSERT_EQ(en.exit_code, 0) << en.err;
  for (const char* text : {"parameter", "posterior", "95% interval", "48 / 99 registrant-years", "Scenario fragment:"})
    EXPECT_NE(en.out.find(text), std::string::npos) << text << "\n" << en.out;
  EXPECT_EQ(en.out.find("登録者"), std::string::npos) << en.out;
}

TEST(CliCalibrate, BadObservationsExitTwoAndWriteNothing) {
  TempDir tmp;
  const CliResult r = run_kyoten(
      "calibrate " + shell_quoted(source_path("tests/data/observations/bad-counts.toml")) + " --out fragment.toml",
      tmp.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("bad-counts.toml:9:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("did you mean"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(tmp.path() / "fragment.toml"));
}

TEST(CliRunPrecision, RecordsThePrecisionBlockInSummaryJson) {
  TempDir tmp;
  const CliResult r = run_kyoten("run " + shell_quoted(source_path("scenarios/setagaya-fy2023.toml")) +
                                     " --precision 0.2 --seed 3 --threads 2 --out out --lang en",
                                 tmp.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("precision target 0.2"), std::string::npos) << r.out;
  const auto summary = nlohmann::json::parse(read_text(tmp.path() / "out" / "summary.json"));
  ASSERT_TRUE(summary.contains("precision")) << summary.dump(2);
  const auto& p = summary["precision"];
  EXPECT_DOUBLE_EQ(p["target"].get<double>(), 0.2);
  const auto n = p["replications"].get<std::size_t>();
  EXPECT_EQ(summary["replications"].get<std::size_t>(), n);
  EXPECT_GE(n, 10u);
  EXPECT_FALSE(p["limited_by_max"].get<bool>());  // ~130 replications suffice (seed 3); the default maximum is 2000
  EXPECT_LE(p["reached"].get<double>(), 0.2);
  EXPECT_GE(n, p["solution"].get<std::size_t>());
  // The Setagaya trial has no hub rooms: that KPI's mean is 0 and it is skipped, by name.
  EXPECT_NE(std::find(p["skipped"].begin(), p["skipped"].end(), "hub_days_all_in_use"), p["skipped"].end());
}

TEST(CliRunPrecision, StopsAtTheMaximumAndSaysSo) {
  TempDir tmp;
  const CliResult r = run_kyoten("run " + shell_quoted(source_path("scenarios/setagaya-fy2023.toml")) +
                                     " --precision 0.01 --max-replications 30 --seed 3 --threads 2 --out out -q",
                                 tmp.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto p = nlohmann::json::parse(read_text(tmp.path() / "out" / "summary.json"))["precision"];
  EXPECT_TRUE(p["limited_by_max"].get<bool>());
  EXPECT_EQ(p["replications"].get<std::size_t>(), 30u);
  EXPECT_TRUE(p["solution"].is_null());
  EXPECT_GT(p["reached"].get<double>(), 0.01);
}

TEST(CliRunPrecision, RefusesANegativeOrZeroTarget) {
  TempDir tmp;
  for (const char* bad : {"-1", "0", "abc"}) {
    const CliResult r = run_kyoten("run " + shell_quoted(source_path("scenarios/setagaya-fy2023.toml")) +
                                       " --precision " + bad + " --out out",
                                   tmp.path());
    EXPECT_EQ(r.exit_code, 2) << bad;
    EXPECT_NE(r.err.find("--precision"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(tmp.path() / "out"));
  }
  const CliResult r = run_kyoten("run " + shell_quoted(source_path("scenarios/setagaya-fy2023.toml")) +
                                     " --precision 0.1 --replications 50 --max-replications 20 --out out",
                                 tmp.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_FALSE(fs::exists(tmp.path() / "out"));
}

}  // namespace
}  // namespace kyoten::test
