// `kyoten compare` end to end: a scenario compared with itself differs by exactly zero in every KPI; two scenarios
// that differ only in staffing have exactly the same calls (common random numbers) and the answer time moves the
// expected way; bad input in any scenario stops everything before a file is written.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_test_support.hpp"
#include "models/hub/results.hpp"

namespace kyoten::test {
namespace {

const std::string kTrial = "scenarios/setagaya-fy2023.toml";

nlohmann::json differences_of(const fs::path& dir) {
  const auto j = nlohmann::json::parse(read_text(dir / "comparison.json"));
  return j.at("differences").at(0);
}

const nlohmann::json& kpi(const nlohmann::json& differences, const std::string& key) {
  for (const auto& k : differences.at("kpis"))
    if (k.at("key") == key) return k;
  throw std::runtime_error("no KPI " + key);
}

TEST(CliCompare, ScenarioAgainstItselfDiffersByExactlyZero) {
  TempDir tmp;
  const std::string a = shell_quoted(source_path(kTrial));
  const CliResult r = run_kyoten("compare " + a + " " + a + " -n 4 --seed 3 -j 2 --out out --lang en", tmp.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("identical in every replication"), std::string::npos) << r.out;
  const auto d = differences_of(tmp.path() / "out");
  ASSERT_EQ(d.at("kpis").size(), hub::kKpiCount);
  for (const auto& k : d.at("kpis")) {
    EXPECT_EQ(k.at("verdict"), "same") << k.dump();
    EXPECT_NE(k.at("sentence_en").get<std::string>().find("no difference"), std::string::npos) << k.dump();
    EXPECT_NE(k.at("sentence_ja").get<std::string>().find("差なし"), std::string::npos) << k.dump();
    if (k.at("n") == 0) continue;  // undefined in both (hub KPIs without a hub): nothing to subtract
    EXPECT_EQ(k.at("difference").get<double>(), 0.0) << k.dump();
    EXPECT_EQ(k.at("ci_low").get<double>(), 0.0) << k.dump();
    EXPECT_EQ(k.at("ci_high").get<double>(), 0.0) << k.dump();
  }
  for (const auto& f : d.at("cost_by_fiscal_year")) EXPECT_EQ(f.at("difference").get<double>(), 0.0) << f.dump();
  EXPECT_TRUE(fs::exists(tmp.path() / "out" / "comparison.csv"));
}

TEST(CliCompare, StaffingChangeKeepsCallsIdenticalAndMovesAnswerTime) {
  TempDir tmp;
  // The trial year with one coordinator on duty instead of two, and nothing else changed.
  std::ofstream(tmp.path() / "one-staff.toml") << "base = " << nlohmann::json(source_path(kTrial)).dump() << R"(
[meta]
name = "one-staff"
[[centers]]
name = "緊急時バックアップセンター"
regions = ["世田谷", "北沢", "玉川", "砧", "烏山"]
staff = [ { days = "all", from = 0, to = 24, count = 1 } ]
staff_cost_per_hour_yen = 2_500
fixed_cost_per_year_yen = 5_695_000
)";
  const CliResult r = run_kyoten(
      "compare " + shell_quoted(source_path(kTrial)) + " one-staff.toml -n 20 --seed 5 -j 2 --out out", tmp.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("相談件数"), std::string::npos) << "Japanese by default";
  const auto d = differences_of(tmp.path() / "out");
  for (const char* same : {"calls", "emergencies", "registrations", "calls_weekday_night"}) {
    const auto& k = kpi(d, same);
    EXPECT_EQ(k.at("verdict"), "same") << k.dump();
    EXPECT_EQ(k.at("difference").get<double>(), 0.0) << k.dump();
  }
  const auto& answer = kpi(d, "answer_mean_min");
  EXPECT_GT(answer.at("difference").get<double>(), 0.0) << "one coordinator answers later: " << answer.dump();
  EXPECT_EQ(answer.at("verdict"), "higher") << answer.dump();
  EXPECT_NE(answer.at("sentence_en").get<std::string>().find("longer than setagaya-fy2023"), std::string::npos)
      << answer.dump();
  const auto& cost = kpi(d, "cost_total_yen");
  EXPECT_LT(cost.at("difference").get<double>(), 0.0) << "half the staff-hours cost less: " << cost.dump();
}

// Each option's probability of overspending, per fiscal year: a FY2023 budget of 1,000 yen is overspent in every
// simulated year (share 1), one of 100 billion yen in none (share 0), whatever the simulated costs are.
TEST(CliCompare, EachOptionShowsItsProbabilityOfOverspendingEachYearsBudget) {
  TempDir tmp;
  const auto with_budget = [&](const char* name, const char* yen) {
    std::ofstream(tmp.path() / (std::string(name) + ".toml"))
        << "base = " << nlohmann::json(source_path(kTrial)).dump() << "\n[meta]\nname = \"" << name
        << "\"\n[[budget.lines]]\nfiscal_year = 2023\nline = \"center\"\nyen = " << yen << "\n";
  };
  with_budget("tight", "1_000");
  with_budget("loose", "100_000_000_000");
  const CliResult r = run_kyoten("compare tight.toml loose.toml -n 10 --seed 2 -j 2 --out out --lang en", tmp.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("P(over budget)"), std::string::npos) << r.out;
  const auto j = nlohmann::json::parse(read_text(tmp.path() / "out" / "comparison.json"));
  const auto fy2023 = [&](std::size_t s) {
    for (const auto& f : j.at("scenarios").at(s).at("cost_by_fiscal_year"))
      if (f.at("fiscal_year") == 2023) return f;
    throw std::runtime_error("no FY2023");
  };
  EXPECT_EQ(fy2023(0).at("p_over_budget").get<double>(), 1.0) << fy2023(0).dump();
  EXPECT_GT(fy2023(0).at("p_over_budget_ci_low").get<double>(), 0.6) << fy2023(0).dump();
  EXPECT_EQ(fy2023(1).at("p_over_budget").get<double>(), 0.0) << fy2023(1).dump();
  EXPECT_LT(fy2023(1).at("p_over_budget_ci_high").get<double>(), 0.4) << fy2023(1).dump();
  for (const auto& f : j.at("scenarios").at(0).at("cost_by_fiscal_year")) {  // FY2022 has no budget line here
    if (f.at("fiscal_year") == 2022) {
      EXPECT_TRUE(f.at("p_over_budget").is_null()) << f.dump();
    }
  }
}

TEST(CliCompare, AnyBadScenarioReportsAllErrorsAndWritesNothing) {
  TempDir tmp;
  std::ofstream(tmp.path() / "bad.toml") << "base = " << nlohmann::json(source_path(kTrial)).dump()
                                         << "\n[calls]\nper_registrant_per_yaer = 1\n";
  const CliResult r =
      run_kyoten("compare " + shell_quoted(source_path(kTrial)) + " bad.toml missing.toml -n 2 --out out", tmp.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("per_registrant_per_year"), std::string::npos) << r.err;  // the did-you-mean
  EXPECT_NE(r.err.find("missing.toml"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(tmp.path() / "out"));
}

TEST(CliCompare, NeedsTwoScenarios) {
  TempDir tmp;
  EXPECT_EQ(run_kyoten("compare " + shell_quoted(source_path(kTrial)), tmp.path()).exit_code, 2);
}

}  // namespace
}  // namespace kyoten::test

namespace kyoten::test {
namespace {

TEST(CliCompareUncertain, PairsShareDrawsAcrossScenariosAndIntervalsCountPairs) {
  // The calibrated scenario against a variant that only searches fewer facilities: both draw the same parameters
  // for each pair (common random numbers for parameters too), so their calls are identical; an odd count is
  // rounded up to whole pairs, and the intervals count pairs.
  TempDir tmp;
  const std::string a = source_path("scenarios/setagaya-wardwide-calibrated.toml");
  std::ofstream(tmp.path() / "fewer-contacts.toml") << "base = \"" << a << "\"\n[search]\nmax_contacts = 2\n";
  const CliResult r = run_kyoten("compare " + shell_quoted(a) + " fewer-contacts.toml --set horizon.end=2025-04-01 "
                                 "-n 5 --seed 3 -j 2 --out out --lang en",
                                 tmp.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("--replications 5 -> 6"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("intervals use the 3 pair means"), std::string::npos) << r.out;
  const auto j = nlohmann::json::parse(read_text(tmp.path() / "out" / "comparison.json"));
  EXPECT_EQ(j.at("replications").get<int>(), 6);
  EXPECT_EQ(j.at("replications_per_draw").get<int>(), 2);
  const auto d = differences_of(tmp.path() / "out");
  EXPECT_EQ(kpi(d, "calls").at("verdict"), "same");
  EXPECT_EQ(kpi(d, "calls").at("n").get<int>(), 3);  // pairs
}

}  // namespace
}  // namespace kyoten::test
