#pragma once
// Each `kyoten` sub-command lives in its own file and registers itself on the CLI11 app here.
// A command's callback stores its process exit code in `exit_code`:
// 0 success, 1 a check failed (e.g. verify missed a point), 2 bad input (nothing written).
#include <CLI/CLI.hpp>

namespace kyoten::app {

void add_verify_command(CLI::App& app, int& exit_code);

}  // namespace kyoten::app
