#include "output/sqlite_store.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <cmath>
#include <memory>
#include <stdexcept>

namespace kyoten::output {
namespace {

struct CloseDatabase {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct FinalizeStatement {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Database = std::unique_ptr<sqlite3, CloseDatabase>;
using Statement = std::unique_ptr<sqlite3_stmt, FinalizeStatement>;

void check(sqlite3* db, int rc, const char* doing) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    throw std::runtime_error(fmt::format("results.db: {}: {}", doing, sqlite3_errmsg(db)));
}

void execute(sqlite3* db, const std::string& sql) {
  check(db, sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), sql.c_str());
}

// Column and table names come from our own table definitions, but are quoted anyway so a KPI key can never
// be read as SQL.
std::string identifier(const std::string& name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

const char* sql_type(ColumnType type) {
  switch (type) {
    case ColumnType::Integer: return "INTEGER";
    case ColumnType::Real: return "REAL";
    case ColumnType::Text: return "TEXT";
  }
  return "";
}

void bind(sqlite3* db, sqlite3_stmt* stmt, int index, const Cell& cell) {
  int rc = SQLITE_OK;
  if (const auto* i = std::get_if<std::int64_t>(&cell)) {
    rc = sqlite3_bind_int64(stmt, index, *i);
  } else if (const auto* d = std::get_if<double>(&cell); d && std::isfinite(*d)) {
    rc = sqlite3_bind_double(stmt, index, *d);
  } else if (const auto* s = std::get_if<std::string>(&cell)) {
    rc = sqlite3_bind_text(stmt, index, s->data(), static_cast<int>(s->size()), SQLITE_TRANSIENT);
  } else {
    rc = sqlite3_bind_null(stmt, index);  // missing, or a non-finite double
  }
  check(db, rc, "bind");
}

void write_table(sqlite3* db, const Table& table) {
  std::string create = "CREATE TABLE " + identifier(table.name) + " (";
  std::string insert = "INSERT INTO " + identifier(table.name) + " VALUES (";
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    create += fmt::format("{}{} {}", c ? ", " : "", identifier(table.columns[c].name), sql_type(table.columns[c].type));
    insert += c ? ", ?" : "?";
  }
  execute(db, create + ")");

  sqlite3_stmt* raw = nullptr;
  check(db, sqlite3_prepare_v2(db, (insert + ")").c_str(), -1, &raw, nullptr), "prepare insert");
  const Statement stmt(raw);
  table.for_each_row([&](const Row& row) {
    for (std::size_t c = 0; c < row.size(); ++c) bind(db, stmt.get(), static_cast<int>(c + 1), row[c]);
    check(db, sqlite3_step(stmt.get()), "insert");
    check(db, sqlite3_reset(stmt.get()), "reset");
  });
}

}  // namespace

void write_sqlite(const std::filesystem::path& path, std::span<const Table> tables) {
  std::filesystem::remove(path);  // a fresh file: never append to a stale temporary
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  const Database db(raw);  // sqlite3_open_v2 hands back a handle to close even when it fails
  check(db.get(), rc, "open");
  execute(db.get(), "BEGIN");
  for (const Table& table : tables) write_table(db.get(), table);
  execute(db.get(), "COMMIT");
}

}  // namespace kyoten::output
