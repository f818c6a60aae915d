// `kyoten sweep` end to end: every grid point lands in the database with its KPI summaries, replications and costs;
// bad input (an unknown --vary key, an existing database without --resume, a database of another sweep) exits 2
// and writes nothing.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "cli_test_support.hpp"
#include "models/hub/results.hpp"

namespace kyoten::test {
namespace {

const std::string kQuotedTrial = shell_quoted(source_path("scenarios/setagaya-fy2023.toml"));
const std::string kGrid = " --vary 'calls.per_registrant_per_year=0.4,0.6' --vary 'centers[0].staff[0].count=1,2'";

long long scalar(const fs::path& db, const std::string& sql) {
  sqlite3* h = nullptr;
  sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* s = nullptr;
  long long v = -1;
  if (sqlite3_prepare_v2(h, sql.c_str(), -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
    v = sqlite3_column_int64(s, 0);
  sqlite3_finalize(s);
  sqlite3_close(h);
  return v;
}

TEST(CliSweep, WritesEveryPointToTheDefaultDatabase) {
  TempDir tmp;
  const CliResult r = run_kyoten("sweep " + kQuotedTrial + kGrid + " -n 3 -j 2", tmp.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const fs::path db = tmp.path() / "results" / "setagaya-fy2023-sweep.db";
  ASSERT_TRUE(fs::exists(db)) << r.out;
  EXPECT_FALSE(fs::exists(db.string() + "-wal")) << "the log is folded back on a clean finish";
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM points"), 4);
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM point_kpis"), static_cast<long long>(4 * hub::kKpiCount));
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM point_replications"), static_cast<long long>(4 * 3 * hub::kKpiCount));
  EXPECT_GT(scalar(db, "SELECT count(*) FROM point_costs"), 0);
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM point_fiscal_years WHERE budget_yen > 0"), 4) << "FY2023 budget";
  EXPECT_EQ(scalar(db, "SELECT replications FROM sweep_meta"), 3);
  // Point 3 is the last combination: 0.6 calls per registrant, 2 on duty.
  EXPECT_EQ(scalar(db, "SELECT json_extract(overrides, '$.\"centers[0].staff[0].count\"') FROM points WHERE point = 3"),
            2);
  // Common random numbers: the staffing dimension does not change the calls.
  EXPECT_EQ(scalar(db,
                   "SELECT count(*) FROM point_replications a JOIN point_replications b ON a.replication = "
                   "b.replication AND a.kpi = b.kpi WHERE a.point = 0 AND b.point = 1 AND a.kpi = 'calls' AND "
                   "a.value = b.value"),
            3);
}

TEST(CliSweep, UnknownVaryKeyExitsTwoWithASuggestionAndWritesNothing) {
  TempDir tmp;
  const CliResult r = run_kyoten(
      "sweep " + kQuotedTrial + " --vary 'facilities[0].bedz=2,3' --vary 'calls.per_registrant_per_year=0.4'", tmp.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("did you mean 'beds'"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(tmp.path() / "results"));
}

TEST(CliSweep, BadValueAtOneGridPointStopsTheWholeSweep) {
  TempDir tmp;
  const CliResult r =
      run_kyoten("sweep " + kQuotedTrial + " --vary 'facilities[0].reserved_emergency_beds=0,99' --db s.db", tmp.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("reserved_emergency_beds"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(tmp.path() / "s.db"));
}

TEST(CliSweep, ExistingDatabaseWithoutResumeExitsTwoAndIsLeftAlone) {
  TempDir tmp;
  std::ofstream(tmp.path() / "s.db") << "not a database";
  const CliResult r = run_kyoten("sweep " + kQuotedTrial + kGrid + " -n 2 --db s.db", tmp.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--resume"), std::string::npos) << r.err;
  EXPECT_EQ(read_text(tmp.path() / "s.db"), "not a database");
}

TEST(CliSweep, ResumingAnotherSweepsDatabaseExitsTwo) {
  TempDir tmp;
  ASSERT_EQ(run_kyoten("sweep " + kQuotedTrial + kGrid + " -n 2 --db s.db -q", tmp.path()).exit_code, 0);
  for (const std::string& changed :
       {kGrid + " -n 3", kGrid + " -n 2 --seed 9", std::string(" --vary 'calls.per_registrant_per_year=0.4' -n 2"),
        kGrid + " -n 2 --set calls.unregistered_per_year=9"}) {
    const CliResult r = run_kyoten("sweep " + kQuotedTrial + changed + " --db s.db --resume", tmp.path());
    EXPECT_EQ(r.exit_code, 2) << changed;
    EXPECT_NE(r.err.find("different sweep"), std::string::npos) << r.err;
  }
  EXPECT_EQ(scalar(tmp.path() / "s.db", "SELECT count(*) FROM points"), 4) << "left as it was";
}

TEST(CliSweep, ResumingAFinishedSweepRunsNothing) {
  TempDir tmp;
  ASSERT_EQ(run_kyoten("sweep " + kQuotedTrial + kGrid + " -n 2 --db s.db -q", tmp.path()).exit_code, 0);
  const CliResult r = run_kyoten("sweep " + kQuotedTrial + kGrid + " -n 2 --db s.db --resume --lang en", tmp.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("4 already done, 0 to run"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace kyoten::test
