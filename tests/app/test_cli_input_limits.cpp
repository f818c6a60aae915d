// Hostile command lines and scenarios end to end: refused at parse time or before anything runs, exit 2, a
// message naming the option or key and what is allowed, nothing written — and the inputs that used to hang
// (a uniform with low == high) now finish.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <string>

#include "cli_test_support.hpp"

namespace kyoten::test {
namespace {

const std::string kQuotedScenario = shell_quoted(source_path("scenarios/setagaya-fy2023.toml"));

void expect_refused(const CliResult& r, const std::string& text, const TempDir& tmp) {
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find(text), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(tmp.path() / "out"));
}

TEST(CliInputLimits, ASeedBeyondTwoToThe64IsRefusedNotCapped) {
  const TempDir tmp;
  expect_refused(run_kyoten("run " + kQuotedScenario + " -n 2 --seed 18446744073709551616 --out out", tmp.path()),
                 "from 0 to 18446744073709551615", tmp);
  expect_refused(run_kyoten("run " + kQuotedScenario + " -n 2 --seed -1 --out out", tmp.path()), "--seed", tmp);
}

TEST(CliInputLimits, ReplicationsThreadsAndGridsHaveUpperLimits) {
  const TempDir tmp;
  expect_refused(run_kyoten("run " + kQuotedScenario + " -n 1000000000 --out out", tmp.path()), "from 1 to 10000", tmp);
  expect_refused(run_kyoten("run " + kQuotedScenario + " -n 2 --threads 100000 --out out", tmp.path()), "from 1 to 1024",
                 tmp);
  std::string values;
  for (int i = 1; i <= 1000; ++i) values += (i > 1 ? "," : "") + std::to_string(i);
  expect_refused(run_kyoten("sweep " + kQuotedScenario + " -n 2 --vary 'facilities[0].beds=" + values +
                                "' --vary 'hub.rooms=" + values + "' --db out",
                            tmp.path()),
                 "the grid has 1000000 points; at most 10000", tmp);
}

TEST(CliInputLimits, SetTextWithANewlineOrInvalidUtf8IsRefusedAtParseTime) {
  const TempDir tmp;
  expect_refused(run_kyoten("validate " + kQuotedScenario + " --set \"$(printf 'meta.title_en=a\\nb')\"", tmp.path()),
                 "control character", tmp);
  expect_refused(run_kyoten("validate " + kQuotedScenario + " --set \"$(printf 'meta.title_en=\\377')\"", tmp.path()), "UTF-8", tmp);
}

TEST(CliInputLimits, HugeValuesAreRefusedWithTheirKey) {
  const TempDir tmp;
  expect_refused(run_kyoten("run " + kQuotedScenario + " -n 2 --set horizon.warmup_days=1e12 --out out", tmp.path()),
                 "horizon.warmup_days", tmp);
  expect_refused(
      run_kyoten("validate " + kQuotedScenario + " --set calls.per_registrant_per_year=1e308", tmp.path()),
      "calls.per_registrant_per_year", tmp);
}

// Each value within its limit, together too much: the estimate is in the message, nothing runs.
TEST(CliInputLimits, ARunAboveTheWorkCeilingIsRefusedWithItsEstimate) {
  const TempDir tmp;
  const CliResult r = run_kyoten(
      "run " + kQuotedScenario +
          " -n 10000 --set calls.per_registrant_per_year=1000 --set calls.unregistered_per_year=1000000 --out out",
      tmp.path());
  expect_refused(r, "would process about", tmp);
  EXPECT_NE(r.err.find("10000 replications"), std::string::npos) << r.err;
}

TEST(CliInputLimits, SpecialFilesAreRefusedAsScenarios) {
  const TempDir tmp;
  expect_refused(run_kyoten("validate /dev/zero", tmp.path()), "is a device", tmp);
  expect_refused(run_kyoten("validate .", tmp.path()), "is a directory", tmp);
  ASSERT_EQ(::mkfifo((tmp.path() / "pipe.toml").c_str(), 0600), 0);
  expect_refused(run_kyoten("validate pipe.toml", tmp.path()), "named pipe", tmp);
}

// Used to hang: Boost's uniform_real never returns when low == high.
TEST(CliInputLimits, AUniformWithEqualBoundsRunsAsAConstant) {
  const TempDir tmp;
  const CliResult r = run_kyoten("run " + kQuotedScenario +
                                     " -n 2 -q --set 'stays.emergency_need_days={ dist = \"uniform\", low = 3, high = 3 }'"
                                     " --out out",
                                 tmp.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(tmp.path() / "out" / "summary.json"));
}

}  // namespace
}  // namespace kyoten::test
