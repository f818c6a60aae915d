// `kyoten run --precision` end to end: after the first batch it prints the formula's projection; when that is more
// than --max-replications it says so at once with a cap and a precision that would do; the projection in
// summary.json agrees with the KPI table's mean and sd; bad values are refused with exit 2 and nothing written.
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "cli_test_support.hpp"

namespace kyoten::test {
namespace {

constexpr const char* kTrialYear = "scenarios/setagaya-fy2023.toml";

TEST(CliRunPrecisionProjection, AProjectionBeyondTheCapIsToldAfterTheFirstBatchWithWhatWouldFit) {
  TempDir tmp;
  // P = 0.01 on the trial year needs thousands of replications; the cap is 30.
  const CliResult r = run_kyoten("run " + shell_quoted(source_path(kTrialYear)) +
                                     " --precision 0.01 --max-replications 30 --seed 3 --threads 2 --out out --lang en",
                                 tmp.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("Precision 0.01: from the first 10 replications the formula"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("is more than --max-replications 30: the run will stop there short of precision 0.01"),
            std::string::npos)
      << r.err;
  const auto p = nlohmann::json::parse(read_text(tmp.path() / "out" / "summary.json"))["precision"];
  EXPECT_EQ(p["pilot"]["from_replications"].get<std::size_t>(), 10u);
  EXPECT_GT(p["pilot"]["with_look_ahead"].get<std::size_t>(), 30u);
  // The suggestion is the projection over the 30 replications plus 10%, rounded up to two significant digits.
  const auto projected = p["formula"]["with_look_ahead"].get<double>();
  const auto suggested = p["suggested_max_replications"].get<double>();
  EXPECT_GE(suggested, 1.1 * projected);
  EXPECT_LT(suggested, 1.1 * projected * 1.1);
  // The notice (from the first 10) and the closing line (from all 30) each name a cap and a precision.
  EXPECT_NE(r.err.find("; to meet 0.01, --max-replications "), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("to meet 0.01, --max-replications " + std::to_string(static_cast<long>(suggested))),
            std::string::npos)
      << r.out;
  // A precision reachable within 30 replications, coarser than asked.
  EXPECT_GT(p["precision_within_max"].get<double>(), 0.01);
  EXPECT_NE(r.out.find("stopped at --max-replications, held back by " + p["limiting_kpi"].get<std::string>()),
            std::string::npos)
      << r.out;
}

TEST(CliRunPrecisionProjection, TheProjectionUsesTheMeanAndSdOfTheKpiTable) {
  TempDir tmp;
  const CliResult r = run_kyoten("run " + shell_quoted(source_path(kTrialYear)) +
                                     " --precision 0.01 --max-replications 40 --seed 3 --threads 2 --out out -q",
                                 tmp.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto summary = nlohmann::json::parse(read_text(tmp.path() / "out" / "summary.json"));
  const auto& formula = summary["precision"]["formula"];
  ASSERT_EQ(formula["from_replications"].get<std::size_t>(), 40u);
  std::size_t checked = 0;
  for (const auto& k : formula["kpis"]) {
    for (const auto& row : summary["kpis"]) {
      if (row["key"] != k["key"] || row["n"].get<std::size_t>() != 40u) continue;
      EXPECT_NEAR(k["mean"].get<double>(), row["mean"].get<double>(), 1e-9 * (1 + std::abs(row["mean"].get<double>())));
      EXPECT_NEAR(k["sd"].get<double>(), row["sd"].get<double>(), 1e-9 * (1 + row["sd"].get<double>()));
      // n ≈ (t s / tol)²: with n in the hundreds or more t lies between 1.96 and 1.98.
      const double z_count = std::pow(1.96 * row["sd"].get<double>() / k["tolerance"].get<double>(), 2);
      if (z_count > 200) {
        EXPECT_GE(k["needed"].get<double>(), z_count) << k["key"];
        EXPECT_LE(k["needed"].get<double>(), z_count * std::pow(1.98 / 1.96, 2) + 1) << k["key"];
      }
      ++checked;
    }
  }
  EXPECT_GE(checked, 3u);
}

TEST(CliRunPrecisionProjection, TheNoticeIsInJapaneseByDefault) {
  TempDir tmp;
  const CliResult r = run_kyoten("run " + shell_quoted(source_path(kTrialYear)) +
                                     " --precision 0.01 --max-replications 20 --seed 3 --threads 2 --out out",
                                 tmp.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("--max-replications の 20 回を超えます"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("反復回数: 20（精度目標 0.01"), std::string::npos) << r.out;
}

TEST(CliRunPrecisionProjection, BadValuesAreRefusedWithExitTwoAndNothingWritten) {
  struct Case {
    const char* options;
    const char* named;  // the option the message must name
  };
  for (const Case& c : {Case{"--precision 1.5", "--precision"}, Case{"--precision 0.05x", "--precision"},
                        Case{"--precision 0.05 --max-replications 1", "--max-replications"},
                        Case{"--precision 0.05 --max-replications 20000", "--max-replications"},
                        Case{"--max-replications 50", "--precision"},
                        Case{"--precision 0.05 --replications 40 --max-replications 20", "--max-replications"}}) {
    TempDir tmp;
    const CliResult r =
        run_kyoten("run " + shell_quoted(source_path(kTrialYear)) + " " + c.options + " --out out", tmp.path());
    EXPECT_EQ(r.exit_code, 2) << c.options;
    EXPECT_NE(r.err.find(c.named), std::string::npos) << c.options << "\n" << r.err;
    EXPECT_FALSE(fs::exists(tmp.path() / "out")) << c.options;
  }
}

}  // namespace
}  // namespace kyoten::test
