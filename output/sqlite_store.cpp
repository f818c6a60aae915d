#include "output/sqlite_store.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <memory>
#include <string_view>

#include "output/sqlite.hpp"

namespace kyoten::output {
namespace {

constexpr std::string_view kDatabase = "results.db";

struct CloseDatabase {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
using Database = std::unique_ptr<sqlite3, CloseDatabase>;

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

void write_table(sqlite3* db, const Table& table) {
  std::string create = "CREATE TABLE " + identifier(table.name) + " (";
  std::string insert = "INSERT INTO " + identifier(table.name) + " VALUES (";
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    create += fmt::format("{}{} {}", c ? ", " : "", identifier(table.columns[c].name), sql_type(table.columns[c].type));
    insert += c ? ", ?" : "?";
  }
  sqlite::execute(db, kDatabase, create + ")");

  sqlite::Statement stmt(db, kDatabase, insert + ")", "prepare insert");
  table.for_each_row([&](const Row& row) { stmt.run(row); });
}

}  // namespace

void write_sqlite(const std::filesystem::path& path, std::span<const Table> tables) {
  std::filesystem::remove(path);  // a fresh file: never append to a stale temporary
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  const Database db(raw);  // sqlite3_open_v2 hands back a handle to close even when it fails
  sqlite::check(db.get(), rc, kDatabase, "open");
  sqlite::execute(db.get(), kDatabase, "BEGIN");
  for (const Table& table : tables) write_table(db.get(), table);
  sqlite::execute(db.get(), kDatabase, "COMMIT");
}

}  // namespace kyoten::output
