#pragma once
// The one SQLite helper, under results.db (output/sqlite_store) and the sweep database (planning/sweep_store):
// every call checked, a failure thrown as std::runtime_error "<database>: <what was being done>: <SQLite's
// message>", and one statement type that binds a table cell by its type.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "output/tables.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace kyoten::output::sqlite {

// Throws unless `rc` is SQLITE_OK, SQLITE_DONE or SQLITE_ROW; `database` names the file in the message.
void check(sqlite3* db, int rc, std::string_view database, std::string_view doing);

// Runs `sql` (one or more statements that return no rows).
void execute(sqlite3* db, std::string_view database, const std::string& sql);

class Statement {
 public:
  // `doing` names the statement in an error message.
  Statement(sqlite3* db, std::string_view database, const std::string& sql, std::string_view doing);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Binds `cells` to ?1, ?2, … and runs the statement once (an INSERT).
  void run(const std::vector<Cell>& cells);
  // Steps a query: true while it yields a row.
  bool step();
  [[nodiscard]] std::string text(int column) const;
  [[nodiscard]] std::int64_t integer(int column) const;
  [[nodiscard]] double real(int column) const;

 private:
  // A non-finite number is stored as NULL, like a missing cell (a KPI undefined in a replication).
  void bind(int index, const Cell& cell);
  sqlite3* db_;
  std::string database_;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace kyoten::output::sqlite
