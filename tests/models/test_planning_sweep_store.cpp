// The sweep database: a point is there whole or not at all, a second commit of a point fails and leaves the first
// intact, the meta row says which sweep the file belongs to, and an existing file is never overwritten.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <filesystem>

#include "planning/sweep_store.hpp"

namespace kyoten::planning {
namespace {

namespace fs = std::filesystem;

class TempFile {
 public:
  TempFile() {
    std::string pattern = (fs::temp_directory_path() / "kyoten-sweep-store-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp");
    dir_ = pattern;
  }
  ~TempFile() { fs::remove_all(dir_); }
  [[nodiscard]] fs::path path() const { return dir_ / "sub" / "s.db"; }

 private:
  fs::path dir_;
};

SweepMeta meta() {
  SweepMeta m;
  m.scenario_file = "x.toml";
  m.scenario_name = "x";
  m.scenario_json = R"({"a":1})";
  m.overrides_json = "[]";
  m.vary_json = R"([{"k":["1","2"]}])";
  m.seed = 7;
  m.replications = 2;
  m.points = 2;
  m.kyoten_version = "test";
  return m;
}

std::vector<hub::ReplicationResult> two_replications(double calls) {
  std::vector<hub::ReplicationResult> r(2);
  for (std::size_t i = 0; i < r.size(); ++i) {
    r[i].replication = i;
    r[i].kpi[hub::kpi_index("calls")] = calls + static_cast<double>(i);
    r[i].costs = {{2024, "center", 1000.0 * static_cast<double>(i + 1)}};
  }
  return r;
}

long long count(const fs::path& db, const char* table) {
  sqlite3* h = nullptr;
  sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(h, (std::string("SELECT count(*) FROM ") + table).c_str(), -1, &s, nullptr);
  sqlite3_step(s);
  const long long n = sqlite3_column_int64(s, 0);
  sqlite3_finalize(s);
  sqlite3_close(h);
  return n;
}

TEST(PlanningSweepStore, CommitsWholePointsAndReopens) {
  TempFile tmp;
  const auto grid = cartesian_product({parse_dimension("k=1,2", "--vary")});
  {
    SweepStore store = SweepStore::create(tmp.path(), meta());
    store.commit_point(1, grid[1], two_replications(10), [] {
      hub::Budget b;
      b.lines = {{2024, "center", 5000}};
      return b;
    }(), 0.95);
  }
  EXPECT_EQ(count(tmp.path(), "points"), 1);
  EXPECT_EQ(count(tmp.path(), "point_kpis"), static_cast<long long>(hub::kKpiCount));
  EXPECT_EQ(count(tmp.path(), "point_replications"), static_cast<long long>(2 * hub::kKpiCount));
  EXPECT_EQ(count(tmp.path(), "point_costs"), 1);
  EXPECT_EQ(count(tmp.path(), "point_fiscal_years"), 1);

  SweepStore again = SweepStore::open(tmp.path());
  EXPECT_EQ(again.finished_points(), std::set<std::size_t>{1});
  const SweepMeta m = again.meta();
  EXPECT_EQ(m.seed, 7u);
  EXPECT_EQ(m.vary_json, meta().vary_json);
  EXPECT_FALSE(meta_mismatch(m, meta()).has_value());
}

TEST(PlanningSweepStore, ASecondCommitOfAPointFailsAndLeavesTheFirst) {
  TempFile tmp;
  const auto grid = cartesian_product({parse_dimension("k=1,2", "--vary")});
  SweepStore store = SweepStore::create(tmp.path(), meta());
  store.commit_point(0, grid[0], two_replications(10), {}, 0.95);
  EXPECT_THROW(store.commit_point(0, grid[0], two_replications(99), {}, 0.95), std::runtime_error);
  EXPECT_EQ(count(tmp.path(), "points"), 1);
  EXPECT_EQ(count(tmp.path(), "point_replications"), static_cast<long long>(2 * hub::kKpiCount));
  store.commit_point(1, grid[1], two_replications(10), {}, 0.95);  // the store is still usable
  EXPECT_EQ(store.finished_points().size(), 2u);
}

TEST(PlanningSweepStore, MismatchNamesWhatDiffers) {
  SweepMeta other = meta();
  other.seed = 8;
  other.replications = 3;
  const auto why = meta_mismatch(meta(), other);
  ASSERT_TRUE(why.has_value());
  EXPECT_NE(why->find("--seed"), std::string::npos);
  EXPECT_NE(why->find("--replications"), std::string::npos);
  other = meta();
  other.scenario_json = R"({"a":2})";
  EXPECT_NE(meta_mismatch(meta(), other)->find("scenario"), std::string::npos);
}

TEST(PlanningSweepStore, NeverOverwritesAndRefusesForeignFiles) {
  TempFile tmp;
  { SweepStore::create(tmp.path(), meta()); }
  EXPECT_THROW(SweepStore::create(tmp.path(), meta()), std::runtime_error);
  const fs::path other = tmp.path().parent_path() / "other.db";
  {
    sqlite3* h = nullptr;
    sqlite3_open(other.c_str(), &h);
    sqlite3_exec(h, "CREATE TABLE t (x)", nullptr, nullptr, nullptr);
    sqlite3_close(h);
  }
  EXPECT_THROW(SweepStore::open(other), std::runtime_error);
  EXPECT_THROW(SweepStore::open(tmp.path().parent_path() / "missing.db"), std::runtime_error);
}

}  // namespace
}  // namespace kyoten::planning
