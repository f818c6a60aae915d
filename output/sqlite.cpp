#include "output/sqlite.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <cmath>
#include <stdexcept>

namespace kyoten::output::sqlite {

void check(sqlite3* db, int rc, std::string_view database, std::string_view doing) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    throw std::runtime_error(fmt::format("{}: {}: {}", database, doing, sqlite3_errmsg(db)));
}

void execute(sqlite3* db, std::string_view database, const std::string& sql) {
  check(db, sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), database, sql);
}

Statement::Statement(sqlite3* db, std::string_view database, const std::string& sql, std::string_view doing)
    : db_(db), database_(database) {
  const int rc = sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt_, nullptr);
  check(db, rc, database_, doing);
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

void Statement::run(const std::vector<Cell>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) bind(static_cast<int>(i + 1), cells[i]);
  check(db_, sqlite3_step(stmt_), database_, "insert");
  check(db_, sqlite3_reset(stmt_), database_, "reset");
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  check(db_, rc, database_, "query");
  return rc == SQLITE_ROW;
}

std::string Statement::text(int column) const {
  const auto* p = sqlite3_column_text(stmt_, column);
  return p ? reinterpret_cast<const char*>(p) : "";
}

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(stmt_, column); }

double Statement::real(int column) const { return sqlite3_column_double(stmt_, column); }

void Statement::bind(int index, const Cell& cell) {
  int rc = SQLITE_OK;
  if (const auto* i = std::get_if<std::int64_t>(&cell)) {
    rc = sqlite3_bind_int64(stmt_, index, *i);
  } else if (const auto* d = std::get_if<double>(&cell); d && std::isfinite(*d)) {
    rc = sqlite3_bind_double(stmt_, index, *d);
  } else if (const auto* s = std::get_if<std::string>(&cell)) {
    rc = sqlite3_bind_text(stmt_, index, s->data(), static_cast<int>(s->size()), SQLITE_TRANSIENT);
  } else {
    rc = sqlite3_bind_null(stmt_, index);
  }
  check(db_, rc, database_, "bind");
}

}  // namespace kyoten::output::sqlite
