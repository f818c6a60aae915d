// An interrupted sweep continued with --resume gives exactly the database an uninterrupted sweep gives: nothing
// lost, nothing repeated. The sweep is killed with SIGKILL (no chance to clean up) right after its first point is
// committed, and separately stopped with SIGINT (Ctrl-C), which must exit 130 with whole points only.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <thread>
#include <vector>

#include "cli_test_support.hpp"
#include "models/hub/results.hpp"

namespace kyoten::test {
namespace {

const std::vector<std::string> kSweep = {"sweep",          source_path("scenarios/setagaya-fy2023.toml"),
                                         "--vary",         "calls.per_registrant_per_year=0.4,0.5,0.6",
                                         "--vary",         "centers[0].staff[0].count=1,2",
                                         "--replications", "40",
                                         "--seed",         "4"};

std::vector<std::string> with(std::vector<std::string> args, std::initializer_list<std::string> more) {
  args.insert(args.end(), more);
  return args;
}

pid_t spawn(const std::vector<std::string>& args, const fs::path& cwd) { return spawn_kyoten(args, cwd); }

// Committed points, or -1 while the database or its tables do not exist yet.
long long points_in(const fs::path& db) {
  if (!fs::exists(db)) return -1;
  sqlite3* h = nullptr;
  long long n = -1;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_busy_timeout(h, 1000);
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(h, "SELECT count(*) FROM points", -1, &s, nullptr) == SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW)
      n = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
  }
  sqlite3_close(h);
  return n;
}

// Waits until the sweep has committed at least one point (or has ended); returns the count seen.
long long wait_for_first_point(const fs::path& db, pid_t pid) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (std::chrono::steady_clock::now() < deadline) {
    const long long n = points_in(db);
    if (n >= 1) return n;
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) return -2;  // ended on its own: the test cannot interrupt it
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return -3;
}

// Every row of the result tables, values written exactly (shortest round-trip form), without the timestamps.
std::vector<std::string> contents(const fs::path& db) {
  std::vector<std::string> rows;
  sqlite3* h = nullptr;
  sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr);
  for (const char* sql :
       {"SELECT point, overrides, label FROM points ORDER BY point",
        "SELECT point, kpi, mean, ci_low, ci_high, sd, n FROM point_kpis ORDER BY point, kpi",
        "SELECT point, replication, kpi, value FROM point_replications ORDER BY point, replication, kpi",
        "SELECT * FROM point_costs ORDER BY point, fiscal_year, line",
        "SELECT * FROM point_fiscal_years ORDER BY point, fiscal_year"}) {
    sqlite3_stmt* s = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(h, sql, -1, &s, nullptr), SQLITE_OK) << sqlite3_errmsg(h);
    while (sqlite3_step(s) == SQLITE_ROW) {
      std::string row = sql;
      for (int c = 0; c < sqlite3_column_count(s); ++c) {
        row += '|';
        switch (sqlite3_column_type(s, c)) {
          case SQLITE_NULL: row += "NULL"; break;
          case SQLITE_INTEGER: row += std::to_string(sqlite3_column_int64(s, c)); break;
          case SQLITE_FLOAT: {
            char buf[64];
            std::snprintf(buf, sizeof buf, "%a", sqlite3_column_double(s, c));  // exact
            row += buf;
            break;
          }
          default: row += reinterpret_cast<const char*>(sqlite3_column_text(s, c));
        }
      }
      rows.push_back(std::move(row));
    }
    sqlite3_finalize(s);
  }
  sqlite3_close(h);
  return rows;
}

std::string args_text(const std::vector<std::string>& args) {
  std::string out;
  for (const std::string& a : args) out += shell_quoted(a) + " ";
  return out;
}

class CliSweepResume : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    reference_dir_ = new TempDir;
    const CliResult r =
        run_kyoten(args_text(with(kSweep, {"--db", "ref.db", "--threads", "2"})), reference_dir_->path());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    reference_ = new std::vector<std::string>(contents(reference_dir_->path() / "ref.db"));
  }
  static void TearDownTestSuite() {
    delete reference_;
    delete reference_dir_;
  }
  static inline TempDir* reference_dir_ = nullptr;
  static inline std::vector<std::string>* reference_ = nullptr;
};

TEST_F(CliSweepResume, KilledWithSigkillThenResumedEqualsAnUninterruptedSweep) {
  TempDir tmp;
  const fs::path db = tmp.path() / "cut.db";
  const pid_t pid = spawn(with(kSweep, {"--db", "cut.db", "--threads", "1"}), tmp.path());
  const long long seen = wait_for_first_point(db, pid);
  ASSERT_GE(seen, 1) << "the sweep must still be running after its first point; log: "
                     << read_text(tmp.path() / "spawned.log");
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
  const long long at_kill = points_in(db);
  EXPECT_GE(at_kill, 1);
  EXPECT_LT(at_kill, 6) << "killed too late to test resuming";

  const CliResult r = run_kyoten(args_text(with(kSweep, {"--db", "cut.db", "--threads", "2", "--resume", "--lang", "en"})), tmp.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find(std::to_string(at_kill) + " already done"), std::string::npos) << r.err;
  EXPECT_EQ(contents(db), *reference_);
}

TEST_F(CliSweepResume, CtrlCCommitsWholePointsOnlyAndExits130) {
  TempDir tmp;
  const fs::path db = tmp.path() / "cut.db";
  const pid_t pid = spawn(with(kSweep, {"--db", "cut.db", "--threads", "1"}), tmp.path());
  ASSERT_GE(wait_for_first_point(db, pid), 1) << read_text(tmp.path() / "spawned.log");
  ::kill(pid, SIGINT);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status)) << "SIGINT is handled, not fatal";
  EXPECT_EQ(WEXITSTATUS(status), 130);
  const std::string log = read_text(tmp.path() / "spawned.log");
  EXPECT_NE(log.find("--resume"), std::string::npos) << log;
  const long long kept = points_in(db);
  EXPECT_GE(kept, 1);
  EXPECT_LT(kept, 6);
  // Whole points only: each kept point has all its replications.
  const auto rows = contents(db);
  std::size_t replication_rows = 0;
  for (const auto& row : rows) replication_rows += row.rfind("SELECT point, replication", 0) == 0 ? 1 : 0;
  EXPECT_EQ(replication_rows, static_cast<std::size_t>(kept) * 40u * hub::kKpiCount);

  const CliResult r = run_kyoten(args_text(with(kSweep, {"--db", "cut.db", "--threads", "2", "--resume"})), tmp.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(contents(db), *reference_);
}

}  // namespace
}  // namespace kyoten::test
