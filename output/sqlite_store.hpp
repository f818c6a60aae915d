#pragma once
// results.db: the run's tables in one SQLite file, written in a single transaction so a reader sees all of it
// or none. The caller chooses the path (a temporary name, renamed when every results file is complete).
#include <filesystem>
#include <span>

#include "output/tables.hpp"

namespace kyoten::output {

// Creates `path` (replacing any file there) holding every table in `tables`; throws std::runtime_error with
// SQLite's message on failure.
void write_sqlite(const std::filesystem::path& path, std::span<const Table> tables);

}  // namespace kyoten::output
