#pragma once
// `kyoten report` and `kyoten export` hand a results directory to analysis/ (Python): the checks before, the
// interpreter and the module path are the same for both.
#include <string>
#include <vector>

namespace kyoten::app {

// True when DIR holds a summary.json (or, for `report`, a comparison.json or optimize.json); otherwise prints `kyoten COMMAND: DIR: …` on stderr and returns false.
bool is_results_directory(const std::string& command, const std::string& dir);

// Runs `$KYOTEN_PYTHON -m kyoten_analysis ARGS…` with analysis/ first on PYTHONPATH (Debian's interpreter by
// default, never the first python3 on PATH, which may not see Debian's packages). Returns its exit code, 2 when
// it cannot start.
int run_analysis(const std::string& command, const std::vector<std::string>& args);

}  // namespace kyoten::app
