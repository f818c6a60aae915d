#pragma once
// The database of `kyoten sweep`: what the sweep is (one meta row), and for every finished grid point its
// settings, KPI summaries, per-replication KPI values and costs per fiscal year. Each point is written in ONE
// transaction, so the file only ever holds whole points: a sweep killed at any moment (even by SIGKILL, which
// cannot be caught) leaves a consistent database, and --resume runs exactly the points that are missing.
//
// Journal: WAL with synchronous=FULL. A commit is durable once it returns; a half-written transaction is rolled
// back by SQLite when the file is next opened. WAL also lets a reader (a notebook, a test polling progress) read
// while the sweep writes. The WAL is folded back into the main file when the sweep closes the database.
//
// Tables (docs/planning.md):
//   sweep_meta(scenario_file, scenario_name, scenario, set_overrides, vary, seed, replications, points,
//              confidence_level, kyoten_version, created, command)                              one row
//   points(point, overrides, label, finished)                                                  one per finished point
//   point_kpis(point, kpi, mean, ci_low, ci_high, sd, n)
//   point_replications(point, replication, kpi, value)
//   point_costs(point, fiscal_year, line, mean, ci_low, ci_high, sd, n, budget_yen)
//   point_fiscal_years(point, fiscal_year, mean, ci_low, ci_high, sd, n, budget_yen)           all lines together
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>

#include "models/hub/results.hpp"
#include "models/hub/scenario.hpp"
#include "planning/grid.hpp"
#include "sim/stats/confidence.hpp"

struct sqlite3;

namespace kyoten::planning {

struct SweepMeta {
  std::string scenario_file;
  std::string scenario_name;
  std::string scenario_json;   // the resolved scenario with --set, before any grid point's settings
  std::string overrides_json;  // the --set list
  std::string vary_json;       // dimensions_json of the grid
  std::uint64_t seed = 0;
  std::size_t replications = 0;
  std::size_t points = 0;
  double confidence_level = sim::kDefaultConfidenceLevel;
  std::string kyoten_version;
  std::string created;
  std::string command;
};

// Why `stored` is not the sweep `wanted` describes (scenario, --set, vary, seed, replications), or nullopt if it is.
std::optional<std::string> meta_mismatch(const SweepMeta& stored, const SweepMeta& wanted);

class SweepStore {
 public:
  // A new database at `path` (its directory is created), built under `.NAME.tmp-<pid>` beside it and renamed into
  // place only while `path` is free; throws std::runtime_error if a file is there (or appears meanwhile), which
  // is then left untouched.
  static SweepStore create(const std::filesystem::path& path, const SweepMeta& meta);
  // An existing database; throws std::runtime_error if it is missing or not a sweep database.
  static SweepStore open(const std::filesystem::path& path);

  SweepStore(SweepStore&&) noexcept;
  SweepStore& operator=(SweepStore&&) noexcept;
  ~SweepStore();

  [[nodiscard]] SweepMeta meta() const;
  [[nodiscard]] std::set<std::size_t> finished_points() const;

  // Writes point `index` whole, in one transaction. `results` are its replications 0..n-1.
  void commit_point(std::size_t index, const GridPoint& point, std::span<const hub::ReplicationResult> results,
                    const hub::Budget& budget, double confidence_level, std::size_t draw_group = 1);

 private:
  explicit SweepStore(sqlite3* db);
  struct Close {
    void operator()(sqlite3* db) const;
  };
  std::unique_ptr<sqlite3, Close> db_;
};

}  // namespace kyoten::planning
