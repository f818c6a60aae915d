// Results folders are written whole (docs/results-format.md, "How a folder is replaced"): whatever moment a run is
// killed at, the folder is one complete run — the earlier one untouched, or the new one — and a second run into a
// folder being written is refused. Every run is checked against reference runs of the same seeds made into fresh
// folders, file by file.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "cli_test_support.hpp"

namespace kyoten::test {
namespace {

const std::string kScenarioPath = source_path("scenarios/setagaya-fy2023.toml");
const std::set<std::string> kRunFiles{"summary.json", "vocabulary.json", "kpis.csv",  "monthly.csv", "daily.csv",
                                      "staff_utilisation.csv", "overtime.csv", "costs.csv", "budget.csv",
                                      "results.db"};

std::vector<std::string> run_args(int seed, const std::string& out) {
  return {"run", kScenarioPath, "--replications", "3", "--threads", "1", "--seed", std::to_string(seed),
          "--out", out, "--quiet"};
}

std::string command(const std::vector<std::string>& args) {
  std::string out;
  for (const std::string& a : args) out += shell_quoted(a) + " ";
  return out;
}

std::set<std::string> entries(const fs::path& dir) {
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.insert(e.path().filename().string());
  return names;
}

// Reference runs of seeds 1 and 2, each into a fresh folder: the truth a folder is compared with.
class CliOutputFolder : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    refs_ = new TempDir;
    for (int seed : {1, 2}) {
      const CliResult r = run_kyoten(command(run_args(seed, "ref" + std::to_string(seed))), refs_->path());
      ASSERT_EQ(r.exit_code, 0) << r.err;
    }
  }
  static void TearDownTestSuite() { delete refs_; }

  // The seed of the complete run `dir` holds (every file, each equal to that seed's reference run, summary.json
  // apart from its timestamp and command line), or 0 when it holds anything else: a mix, a part, nothing.
  static int whole_run_in(const fs::path& dir) {
    if (!fs::is_directory(dir) || entries(dir) != kRunFiles) return 0;
    for (int seed : {1, 2}) {
      const fs::path ref = refs_->path() / ("ref" + std::to_string(seed));
      bool same = true;
      for (const std::string& f : kRunFiles)
        if (f != "summary.json" && f != "results.db") same = same && read_text(dir / f) == read_text(ref / f);
      auto a = nlohmann::json::parse(read_text(dir / "summary.json"), nullptr, false);
      auto b = nlohmann::json::parse(read_text(ref / "summary.json"), nullptr, false);
      if (a.is_discarded() || b.is_discarded()) return 0;
      for (auto* j : {&a, &b}) j->erase("created"), j->erase("command");
      if (same && a == b) return seed;
    }
    return 0;
  }
  static inline TempDir* refs_ = nullptr;
};

// Seed 1 into `out`, then seed 2 killed by the test hook at `hook`; returns the killed run's pid.
pid_t killed_while_replacing(const fs::path& cwd, const std::string& hook) {
  EXPECT_EQ(run_kyoten(command(run_args(1, "out")), cwd).exit_code, 0);
  const pid_t pid = spawn_kyoten(run_args(2, "out"), cwd, "log", hook);
  EXPECT_EQ(wait_exit_code(pid), 128 + SIGKILL);
  return pid;
}

TEST_F(CliOutputFolder, KilledJustBeforeTheSwapTheEarlierRunIsUntouchedAndTheLeftoverIsRemovedNextTime) {
  TempDir tmp;
  const pid_t pid = killed_while_replacing(tmp.path(), "kill-before-swap");
  EXPECT_EQ(whole_run_in(tmp.path() / "out"), 1);
  EXPECT_TRUE(entries(tmp.path()).contains(".out.tmp-" + std::to_string(pid))) << "the dead run's new folder";

  const CliResult again = run_kyoten(command(run_args(2, "out")), tmp.path());
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find("removed .out.tmp-" + std::to_string(pid)), std::string::npos) << again.err;
  EXPECT_EQ(whole_run_in(tmp.path() / "out"), 2);
  EXPECT_EQ(entries(tmp.path()), (std::set<std::string>{"log", "out"})) << "no temporary, no lock file left";
}

TEST_F(CliOutputFolder, KilledJustAfterTheSwapTheNewRunIsWhole) {
  TempDir tmp;
  const pid_t pid = killed_while_replacing(tmp.path(), "kill-after-swap");
  EXPECT_EQ(whole_run_in(tmp.path() / "out"), 2);
  EXPECT_EQ(whole_run_in(tmp.path() / (".out.tmp-" + std::to_string(pid))), 1) << "the earlier run, swapped out";
}

TEST_F(CliOutputFolder, KilledAtAnyMomentTheFolderIsOneWholeRun) {
  TempDir tmp;
  ASSERT_EQ(run_kyoten(command(run_args(1, "out")), tmp.path()).exit_code, 0);
  const auto start = std::chrono::steady_clock::now();
  ASSERT_EQ(run_kyoten(command(run_args(2, "timed")), tmp.path()).exit_code, 0);
  const auto run_time = std::chrono::steady_clock::now() - start;
  // Kills spread over a whole run's length, the last ones near its end where the files are written.
  for (int trial = 0; trial < 12; ++trial) {
    const pid_t pid = spawn_kyoten(run_args(trial % 2 ? 1 : 2, "out"), tmp.path(), "log");
    std::this_thread::sleep_for(run_time * (trial + 1) / 13);
    ::kill(pid, SIGKILL);
    wait_exit_code(pid);
    const int seed = whole_run_in(tmp.path() / "out");
    EXPECT_NE(seed, 0) << "trial " << trial << ": the folder is not one complete run";
  }
}

TEST_F(CliOutputFolder, ASecondRunIntoAFolderBeingWrittenIsRefusedAndTheFirstCompletes) {
  TempDir tmp;
  ASSERT_EQ(run_kyoten(command(run_args(2, "out")), tmp.path()).exit_code, 0);
  const pid_t first = spawn_kyoten(run_args(1, "out"), tmp.path(), "first.log", "stop-before-swap");
  int status = 0;
  ASSERT_EQ(::waitpid(first, &status, WUNTRACED), first);
  ASSERT_TRUE(WIFSTOPPED(status)) << read_text(tmp.path() / "first.log");

  const CliResult second = run_kyoten(command(run_args(2, "out")), tmp.path());
  EXPECT_EQ(second.exit_code, 2);
  EXPECT_NE(second.err.find("(pid " + std::to_string(first) + ") is writing it now"), std::string::npos)
      << second.err;
  EXPECT_EQ(whole_run_in(tmp.path() / "out"), 2) << "untouched while the first is stopped";

  ::kill(first, SIGCONT);
  EXPECT_EQ(wait_exit_code(first), 0) << read_text(tmp.path() / "first.log");
  EXPECT_EQ(whole_run_in(tmp.path() / "out"), 1);
  EXPECT_EQ(entries(tmp.path()), (std::set<std::string>{"first.log", "out"}));
}

TEST_F(CliOutputFolder, TwoRunsStartedTogetherLeaveOneWholeRun) {
  TempDir tmp;
  const pid_t a = spawn_kyoten(run_args(1, "out"), tmp.path(), "a.log");
  const pid_t b = spawn_kyoten(run_args(2, "out"), tmp.path(), "b.log");
  const int code_a = wait_exit_code(a), code_b = wait_exit_code(b);
  // Overlapping, one is refused; one after the other, both succeed. Either way nothing is mixed.
  EXPECT_TRUE((code_a == 0 && code_b == 2) || (code_a == 2 && code_b == 0) || (code_a == 0 && code_b == 0))
      << code_a << " " << code_b;
  const int seed = whole_run_in(tmp.path() / "out");
  EXPECT_NE(seed, 0);
  if (code_b == 2) {
    EXPECT_EQ(seed, 1);
  }
  if (code_a == 2) {
    EXPECT_EQ(seed, 2);
  }
}

TEST_F(CliOutputFolder, AnEarlierReportDoesNotSurviveANewRun) {
  TempDir tmp;
  ASSERT_EQ(run_kyoten(command(run_args(1, "out")), tmp.path()).exit_code, 0);
  { std::ofstream(tmp.path() / "out" / "report_ja.html") << "<html>seed 1</html>"; }
  fs::create_directory(tmp.path() / "out" / "charts_ja");
  ASSERT_EQ(run_kyoten(command(run_args(2, "out")), tmp.path()).exit_code, 0);
  EXPECT_EQ(whole_run_in(tmp.path() / "out"), 2) << "only the new run's files";
}

TEST_F(CliOutputFolder, AFolderHoldingOtherFilesIsNotReplaced) {
  TempDir tmp;
  fs::create_directory(tmp.path() / "out");
  { std::ofstream(tmp.path() / "out" / "notes.txt") << "mine"; }
  const CliResult r = run_kyoten(command(run_args(1, "out")), tmp.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("notes.txt"), std::string::npos) << r.err;
  EXPECT_EQ(read_text(tmp.path() / "out" / "notes.txt"), "mine");
  EXPECT_EQ(entries(tmp.path()), (std::set<std::string>{"out"}));
}

TEST_F(CliOutputFolder, AnotherCommandsOutputIsNotReplaced) {
  TempDir tmp;
  ASSERT_EQ(run_kyoten(command(run_args(1, "out")), tmp.path()).exit_code, 0);
  const CliResult r = run_kyoten(command({"compare", kScenarioPath, kScenarioPath, "-n", "2", "--out", "out", "-q"}), tmp.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("holds files this command does not write (budget.csv"), std::string::npos) << r.err;
  EXPECT_EQ(whole_run_in(tmp.path() / "out"), 1);
}

// A scenario's meta.name names results/<meta.name>: it must stay one folder inside results/.
TEST(CliOutputName, MetaNameLeadingOutsideResultsIsRefusedAndNothingIsWritten) {
  for (const std::string name : {"..", "../x", "/tmp/kyoten-abs", ".hidden", "a b", "x/y"}) {
    TempDir tmp;
    fs::create_directory(tmp.path() / "work");
    const CliResult r =
        run_kyoten(command({"run", kScenarioPath, "-n", "2", "--set", "meta.name=" + name}), tmp.path() / "work");
    EXPECT_EQ(r.exit_code, 2) << name;
    EXPECT_NE(r.err.find("meta.name"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("--out"), std::string::npos) << "suggests --out: " << r.err;
    EXPECT_TRUE(fs::is_empty(tmp.path() / "work")) << name;
    EXPECT_EQ(entries(tmp.path()), (std::set<std::string>{"work"})) << name;
    const CliResult v = run_kyoten(command({"validate", kScenarioPath, "--set", "meta.name=" + name}), tmp.path());
    EXPECT_EQ(v.exit_code, 2) << name << ": validate says what run would refuse";
  }
  EXPECT_FALSE(fs::exists("/tmp/kyoten-abs"));
}

TEST(CliOutputName, OutRescuesANameThatCannotBeAFolderAndJapaneseNamesAreAllowed) {
  TempDir tmp;
  const CliResult out = run_kyoten(command({"run", kScenarioPath, "-n", "2", "--set", "meta.name=..", "--out", "mine", "-q"}),
                                   tmp.path());
  EXPECT_EQ(out.exit_code, 0) << out.err;
  EXPECT_TRUE(fs::exists(tmp.path() / "mine" / "summary.json"));
  const CliResult ja = run_kyoten(command({"run", kScenarioPath, "-n", "2", "--set", "meta.name=世田谷区_2024.v1", "-q"}),
                                  tmp.path());
  EXPECT_EQ(ja.exit_code, 0) << ja.err;
  EXPECT_TRUE(fs::exists(tmp.path() / "results" / "世田谷区_2024.v1" / "summary.json"));
}

// A path that cannot be used is bad input with a message naming it — never an abort (exit 134).
TEST(CliOutputPath, SymlinkLoopsAndOverlongNamesAreBadInputForEveryCommand) {
  TempDir tmp;
  fs::create_symlink("loop", tmp.path() / "loop");
  const std::string long_name(300, 'a');
  const std::string scenario_b = source_path("scenarios/setagaya-fy2023.toml");
  for (const std::string& out : {std::string("loop"), std::string("loop/x"), long_name, long_name + "/x"}) {
    const std::vector<std::vector<std::string>> commands{
        {"run", kScenarioPath, "-n", "2", "--out", out},
        {"compare", kScenarioPath, scenario_b, "-n", "2", "--out", out},
        {"optimize", kScenarioPath, "--space", "centers[0].staff[0].count=1,2", "--target", "p_no_bed<=1",
         "--replications-initial", "2", "--replications-max", "2", "--out", out},
        {"sweep", kScenarioPath, "--vary", "calls.per_registrant_per_year=0.4", "-n", "1", "--db", out},
        {"report", out}};
    for (const auto& c : commands) {
      const CliResult r = run_kyoten(command(c), tmp.path());
      EXPECT_EQ(r.exit_code, 2) << c[0] << " " << out.substr(0, 12) << ": " << r.err;
      EXPECT_NE(r.err.find(out.substr(0, 12)), std::string::npos) << c[0] << ": names the path: " << r.err;
    }
  }
  EXPECT_EQ(entries(tmp.path()), (std::set<std::string>{"loop"}));
}

TEST(CliOutputPath, AParentWithoutWritePermissionIsBadInput) {
  if (::geteuid() == 0) GTEST_SKIP() << "root may write anywhere: permission cannot be denied";
  TempDir tmp;
  fs::create_directory(tmp.path() / "locked");
  fs::permissions(tmp.path() / "locked", fs::perms::owner_read | fs::perms::owner_exec);
  const CliResult r = run_kyoten(command({"run", kScenarioPath, "-n", "2", "--out", "locked/out"}), tmp.path());
  fs::permissions(tmp.path() / "locked", fs::perms::owner_all);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("Permission denied"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::is_empty(tmp.path() / "locked"));
}

TEST(CliOutputPath, AFolderWhereTheParentShouldBeIsBadInput) {
  TempDir tmp;
  { std::ofstream(tmp.path() / "file") << "x"; }
  const CliResult r = run_kyoten(command({"run", kScenarioPath, "-n", "2", "--out", "file/out"}), tmp.path());
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("file/out"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace kyoten::test

namespace kyoten::test {
namespace {

long long count_rows(const fs::path& db, const char* sql) {
  sqlite3* h = nullptr;
  long long n = -1;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(h, sql, -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
      n = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
  }
  sqlite3_close(h);
  return n;
}

// The race of two sweeps creating one database: one runs it to the end, the other is refused with a message, and
// the database that remains is complete (before, the loser's clean-up deleted the winner's file).
TEST(CliSweepDatabase, TwoSweepsStartedTogetherOnOneNewDatabaseLeaveOneCompleteDatabase) {
  for (int trial = 0; trial < 3; ++trial) {
    TempDir tmp;
    const std::vector<std::string> args{"sweep", kScenarioPath, "--vary", "calls.per_registrant_per_year=0.4,0.5",
                                        "-n", "2", "--seed", "3", "--threads", "1", "--db", "s.db", "-q"};
    const pid_t a = spawn_kyoten(args, tmp.path(), "a.log");
    const pid_t b = spawn_kyoten(args, tmp.path(), "b.log");
    const int code_a = wait_exit_code(a), code_b = wait_exit_code(b);
    ASSERT_TRUE((code_a == 0 && code_b == 2) || (code_a == 2 && code_b == 0))
        << code_a << " " << code_b << "\n" << read_text(tmp.path() / "a.log") << read_text(tmp.path() / "b.log");
    const std::string loser = read_text(tmp.path() / (code_a == 2 ? "a.log" : "b.log"));
    EXPECT_TRUE(loser.find("is writing it now") != std::string::npos ||
                loser.find("already exists") != std::string::npos)
        << loser;
    EXPECT_EQ(entries(tmp.path()), (std::set<std::string>{"a.log", "b.log", "s.db"})) << "nothing else left";
    EXPECT_EQ(count_rows(tmp.path() / "s.db", "SELECT count(*) FROM points"), 2);
    EXPECT_EQ(count_rows(tmp.path() / "s.db", "SELECT count(*) FROM sweep_meta"), 1);
  }
}

}  // namespace
}  // namespace kyoten::test
