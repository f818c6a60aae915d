// Bad input end to end: the built binary reports it, exits 2 and writes nothing, not even the results directory.
#include <gtest/gtest.h>

#include <fstream>

#include "cli_test_support.hpp"

namespace kyoten::test {
namespace {

TEST(CliBadInput, ValidateOnAMissingFileExits2) {
  const TempDir tmp;
  const CliResult r = run_kyoten("validate no-such-scenario.toml", tmp.path());
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("no-such-scenario.toml"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
}

TEST(CliBadInput, RunWithZeroReplicationsExits2AndWritesNothing) {
  const TempDir tmp;
  const std::string scenario = shell_quoted(source_path("scenarios/setagaya-fy2023.toml"));
  const CliResult r = run_kyoten("run " + scenario + " --replications 0 --out out", tmp.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--replications"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("from 1 to"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(tmp.path() / "out"));
  EXPECT_TRUE(fs::is_empty(tmp.path()));
}

TEST(CliBadInput, BadOptionValuesNameTheOptionAndWhatIsAllowed) {
  const TempDir tmp;
  const std::string scenario = shell_quoted(source_path("scenarios/setagaya-fy2023.toml"));
  const CliResult threads = run_kyoten("run " + scenario + " --threads 0 --out out", tmp.path());
  EXPECT_EQ(threads.exit_code, 2);
  EXPECT_NE(threads.err.find("--threads"), std::string::npos) << threads.err;
  const CliResult lang = run_kyoten("run " + scenario + " --lang fr --out out", tmp.path());
  EXPECT_EQ(lang.exit_code, 2);
  EXPECT_NE(lang.err.find("--lang"), std::string::npos) << lang.err;
  EXPECT_NE(lang.err.find("ja"), std::string::npos) << lang.err;
  EXPECT_NE(lang.err.find("en"), std::string::npos) << lang.err;
  EXPECT_FALSE(fs::exists(tmp.path() / "out"));
}

TEST(CliBadInput, RunOnAMalformedScenarioExits2AndCreatesNoDirectory) {
  const TempDir tmp;
  // Broken TOML: an unterminated string and a key without a value.
  std::ofstream(tmp.path() / "bad.toml") << "[meta]\nname = \"bad\ntitle_ja =\n";
  const CliResult r = run_kyoten("run bad.toml --replications 2 --out out", tmp.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("bad.toml"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(tmp.path() / "out"));
  EXPECT_FALSE(fs::exists(tmp.path() / "results"));
}

TEST(CliBadInput, RunOnAnInvalidScenarioExits2AndCreatesNoDirectory) {
  const TempDir tmp;
  // Valid TOML, but not a valid scenario: the default results/<name> must not appear either.
  std::ofstream(tmp.path() / "invalid.toml") << "[meta]\nname = \"invalid\"\nnot_a_section_of_a_scenario = 1\n";
  const CliResult r = run_kyoten("run invalid.toml --replications 2", tmp.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("invalid.toml"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(tmp.path() / "results"));
}

TEST(CliBadInput, ValidateReportsABadOverride) {
  const TempDir tmp;
  const CliResult r = run_kyoten(
      "validate " + shell_quoted(source_path("scenarios/setagaya-fy2023.toml")) + " --set hub.rooms=-3", tmp.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("hub.rooms"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace kyoten::test
