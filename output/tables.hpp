#pragma once
// The results tables, defined once: the CSV files and the SQLite store both render these, so a column added
// here appears in both with the same name. Rows are produced on demand rather than held in memory (daily rows
// grow with replications × days).
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "models/hub/results.hpp"
#include "models/hub/scenario.hpp"
#include "output/run_info.hpp"
#include "output/summary.hpp"

namespace kyoten::output {

// A missing value (monostate) is an empty CSV field and NULL in SQLite; so is a non-finite double.
using Cell = std::variant<std::monostate, std::int64_t, double, std::string>;
using Row = std::vector<Cell>;

enum class ColumnType { Integer, Real, Text };

struct Column {
  std::string name;
  ColumnType type;
};

struct Table {
  std::string name;  // SQL table name; the CSV file is name + ".csv"
  std::vector<Column> columns;
  // Calls `emit` once per row, in order; each row has one cell per column.
  std::function<void(const std::function<void(const Row&)>& emit)> for_each_row;
};

// Per-replication tables, as docs/results-format.md lists them: kpis, monthly, daily, staff_utilisation,
// costs, budget. The tables refer to `scenario` and `results`, which must outlive them.
std::vector<Table> replication_tables(const hub::Scenario& scenario, std::span<const hub::ReplicationResult> results);

// The parameter values each replication drew (long form: replication, parameter_set, parameter, value); written
// as parameters.csv and to results.db only when the scenario has uncertain parameters.
Table parameters_table(const hub::Scenario& scenario, std::span<const hub::ReplicationResult> results);

// Tables only the SQLite store holds: `run` (one row: what was run) and `kpi_summary` (one row per KPI).
Table run_table(const RunInfo& info, const hub::Scenario& scenario);
Table kpi_summary_table(const RunSummary& summary);

}  // namespace kyoten::output
