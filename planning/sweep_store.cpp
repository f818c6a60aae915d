#include "planning/sweep_store.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <optional>
#include <system_error>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "output/output_path.hpp"
#include "output/sqlite.hpp"
#include "output/summary.hpp"
#include "output/vocabulary.hpp"
#include "planning/comparison.hpp"

namespace kyoten::planning {
namespace {

constexpr int kBusyTimeoutMs = 10'000;  // a reader may hold the file briefly; wait rather than fail

constexpr const char* kSchema = R"sql(
CREATE TABLE sweep_meta (scenario_file TEXT, scenario_name TEXT, scenario TEXT, set_overrides TEXT, vary TEXT,
                         seed INTEGER, replications INTEGER, points INTEGER, confidence_level REAL,
                         kyoten_version TEXT, created TEXT, command TEXT);
CREATE TABLE points (point INTEGER PRIMARY KEY, overrides TEXT NOT NULL, label TEXT, finished TEXT);
CREATE TABLE point_kpis (point INTEGER NOT NULL, kpi TEXT NOT NULL, mean REAL, ci_low REAL, ci_high REAL, sd REAL,
                         n INTEGER, PRIMARY KEY (point, kpi)) WITHOUT ROWID;
CREATE TABLE point_replications (point INTEGER NOT NULL, replication INTEGER NOT NULL, kpi TEXT NOT NULL, value REAL,
                                 PRIMARY KEY (point, replication, kpi)) WITHOUT ROWID;
CREATE TABLE point_costs (point INTEGER NOT NULL, fiscal_year INTEGER NOT NULL, line TEXT NOT NULL, mean REAL,
                          ci_low REAL, ci_high REAL, sd REAL, n INTEGER, budget_yen REAL,
                          PRIMARY KEY (point, fiscal_year, line)) WITHOUT ROWID;
CREATE TABLE point_fiscal_years (point INTEGER NOT NULL, fiscal_year INTEGER NOT NULL, mean REAL, ci_low REAL,
                                 ci_high REAL, sd REAL, n INTEGER, budget_yen REAL,
                                 PRIMARY KEY (point, fiscal_year)) WITHOUT ROWID;
CREATE TABLE vocabulary (json TEXT NOT NULL);
)sql";

using Value = output::Cell;

constexpr std::string_view kDatabase = "sweep database";

void execute(sqlite3* db, const std::string& sql) { output::sqlite::execute(db, kDatabase, sql); }

// A statement on the sweep database; an error names the statement.
class Statement : public output::sqlite::Statement {
 public:
  Statement(sqlite3* db, const std::string& sql) : output::sqlite::Statement(db, kDatabase, sql, "prepare " + sql) {}
};

sqlite3* open_database(const std::filesystem::path& path, int flags) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    const std::string message = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    throw std::runtime_error(fmt::format("cannot open {}: {}", path.string(), message));
  }
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  return db;
}

// A budget, or NULL without one. Appended in place rather than through `v ? Value(*v) : Value()`, whose
// temporary gcc 12 takes for maybe-uninitialized once the SQLite helper is inlined (release builds, LTO).
void push_optional(std::vector<Value>& row, const std::optional<double>& v) {
  if (v)
    row.emplace_back(*v);
  else
    row.emplace_back();
}

std::vector<Value> statistic_values(const output::Statistic& s) {
  return {s.mean, s.ci_low, s.ci_high, s.sd, static_cast<std::int64_t>(s.n)};
}

}  // namespace

void SweepStore::Close::operator()(sqlite3* db) const { sqlite3_close(db); }

SweepStore::SweepStore(sqlite3* db) : db_(db) {}
SweepStore::SweepStore(SweepStore&&) noexcept = default;
SweepStore& SweepStore::operator=(SweepStore&&) noexcept = default;
SweepStore::~SweepStore() = default;

std::optional<std::string> meta_mismatch(const SweepMeta& stored, const SweepMeta& wanted) {
  std::vector<std::string> differ;
  if (stored.scenario_json != wanted.scenario_json)
    differ.push_back(
        fmt::format("the scenario (the database was made from {} with its values then; the file or "
                    "--set has changed since)",
                    stored.scenario_file));
  if (stored.vary_json != wanted.vary_json)
    differ.push_back(fmt::format("--vary (database: {}; now: {})", stored.vary_json, wanted.vary_json));
  if (stored.seed != wanted.seed)
    differ.push_back(fmt::format("--seed (database: {}; now: {})", stored.seed, wanted.seed));
  if (stored.replications != wanted.replications)
    differ.push_back(fmt::format("--replications (database: {}; now: {})", stored.replications, wanted.replications));
  if (differ.empty()) return std::nullopt;
  std::string out = "this database belongs to a different sweep: ";
  for (std::size_t i = 0; i < differ.size(); ++i) out += (i ? "; " : "") + differ[i];
  return out;
}

SweepStore SweepStore::create(const std::filesystem::path& path, const SweepMeta& m) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(path, ec)) throw std::runtime_error(path.string() + " already exists");
  if (path.has_parent_path()) fs::create_directories(path.parent_path());
  // Built whole under a temporary name, then put in place only if the name is still free: a reader never sees a
  // database without its meta row, and this process never removes a file another one created.
  const fs::path temporary = output::temporary_beside(path);
  const auto remove_temporary = [&temporary] {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(temporary.string() + suffix, ignored);
  };
  const int fd = ::open(temporary.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) throw std::system_error(errno, std::generic_category(), "cannot create " + temporary.string());
  ::close(fd);
  try {
    {
      SweepStore store(open_database(temporary, SQLITE_OPEN_READWRITE));
      sqlite3* db = store.db_.get();
      execute(db, "PRAGMA journal_mode=WAL");
      execute(db, "PRAGMA synchronous=FULL");
      execute(db, "BEGIN");
      execute(db, kSchema);
      Statement(db, "INSERT INTO sweep_meta VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)")
          .run({m.scenario_file, m.scenario_name, m.scenario_json, m.overrides_json, m.vary_json,
                static_cast<std::int64_t>(m.seed), static_cast<std::int64_t>(m.replications),
                static_cast<std::int64_t>(m.points), m.confidence_level, m.kyoten_version, m.created, m.command});
      // The KPI labels and units the report shows, as vocabulary.json of a results folder holds them.
      Statement(db, "INSERT INTO vocabulary VALUES (?1)").run({output::vocabulary_json().dump()});
      execute(db, "COMMIT");
    }  // closed: the write-ahead log is folded into the file and removed
    if (!output::rename_if_absent(temporary, path))
      throw std::runtime_error(path.string() + " was created by another process meanwhile; it is left as it is");
  } catch (...) {
    remove_temporary();  // ours alone: created exclusively above
    throw;
  }
  return open(path);
}

SweepStore SweepStore::open(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throw std::runtime_error(path.string() + " does not exist");
  SweepStore store(open_database(path, SQLITE_OPEN_READWRITE));
  execute(store.db_.get(), "PRAGMA synchronous=FULL");
  Statement probe(store.db_.get(), "SELECT count(*) FROM sqlite_master WHERE name = 'sweep_meta'");
  if (!probe.step() || probe.integer(0) != 1)
    throw std::runtime_error(path.string() + " is not a kyoten sweep database (no sweep_meta table)");
  return store;
}

SweepMeta SweepStore::meta() const {
  Statement q(db_.get(),
              "SELECT scenario_file, scenario_name, scenario, set_overrides, vary, seed, replications, points, "
              "confidence_level, kyoten_version, created, command FROM sweep_meta");
  if (!q.step()) throw std::runtime_error("sweep database: sweep_meta is empty");
  SweepMeta m;
  m.scenario_file = q.text(0);
  m.scenario_name = q.text(1);
  m.scenario_json = q.text(2);
  m.overrides_json = q.text(3);
  m.vary_json = q.text(4);
  m.seed = static_cast<std::uint64_t>(q.integer(5));
  m.replications = static_cast<std::size_t>(q.integer(6));
  m.points = static_cast<std::size_t>(q.integer(7));
  m.confidence_level = q.real(8);
  m.kyoten_version = q.text(9);
  m.created = q.text(10);
  m.command = q.text(11);
  return m;
}

std::set<std::size_t> SweepStore::finished_points() const {
  std::set<std::size_t> done;
  Statement q(db_.get(), "SELECT point FROM points");
  while (q.step()) done.insert(static_cast<std::size_t>(q.integer(0)));
  return done;
}

void SweepStore::commit_point(std::size_t index, const GridPoint& point,
                              std::span<const hub::ReplicationResult> results, const hub::Budget& budget,
                              double confidence_level, std::size_t draw_group) {
  sqlite3* db = db_.get();
  const auto p = static_cast<std::int64_t>(index);
  const output::RunSummary summary = output::summarise(results, budget, confidence_level, draw_group);
  const std::vector<FiscalYearCost> years = fiscal_year_costs(results, budget, confidence_level, draw_group);
  execute(db, "BEGIN IMMEDIATE");
  try {
    Statement(db, "INSERT INTO points VALUES (?1, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))")
        .run({p, point_json(point).dump(), point_label(point)});
    Statement kpis(db, "INSERT INTO point_kpis VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    for (const output::KpiSummary& k : summary.kpis) {
      std::vector<Value> row{p, std::string(hub::kKpis[k.index].key)};
      for (Value& v : statistic_values(k.stat)) row.push_back(std::move(v));
      kpis.run(row);
    }
    Statement reps(db, "INSERT INTO point_replications VALUES (?1, ?2, ?3, ?4)");
    for (std::size_t r = 0; r < results.size(); ++r)
      for (std::size_t k = 0; k < hub::kKpiCount; ++k)
        reps.run({p, static_cast<std::int64_t>(r), std::string(hub::kKpis[k].key), results[r].kpi[k]});
    Statement costs(db, "INSERT INTO point_costs VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    for (const output::CostSummary& c : summary.costs) {
      std::vector<Value> row{p, static_cast<std::int64_t>(c.fiscal_year), c.line};
      for (Value& v : statistic_values(c.stat)) row.push_back(std::move(v));
      push_optional(row, c.budget_yen);
      costs.run(row);
    }
    Statement fy(db, "INSERT INTO point_fiscal_years VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    for (const FiscalYearCost& y : years) {
      std::vector<Value> row{p, static_cast<std::int64_t>(y.fiscal_year)};
      for (Value& v : statistic_values(y.total)) row.push_back(std::move(v));
      push_optional(row, y.budget_yen);
      fy.run(row);
    }
    execute(db, "COMMIT");
  } catch (...) {
    sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);  // best effort; the point is simply not there
    throw;
  }
}

}  // namespace kyoten::planning
