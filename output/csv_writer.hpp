#pragma once
// A results table as CSV (RFC 4180): a header of column names, one line per row. Numbers are written in the
// shortest form that reads back to the same double; missing and non-finite values are empty fields.
#include <iosfwd>

#include "output/tables.hpp"

namespace kyoten::output {

void write_csv(std::ostream& out, const Table& table);

}  // namespace kyoten::output
