#pragma once
// Each `kyoten` sub-command lives in its own file and registers itself on the CLI11 app here.
// A command's callback stores its process exit code in `exit_code`:
// 0 success, 1 a check failed (e.g. verify missed a point), 2 bad input (nothing written).
#include <CLI/CLI.hpp>
#include <string>

namespace kyoten::app {

void add_verify_command(CLI::App& app, int& exit_code);
void add_report_command(CLI::App& app, int& exit_code);
// The budget office's workbook (.xlsx, CSV with BOM) of a results directory.
void add_export_command(CLI::App& app, int& exit_code);
void add_validate_command(CLI::App& app, int& exit_code);
// `command_line` is recorded in summary.json so a result says how it was made.
void add_run_command(CLI::App& app, int& exit_code, const std::string& command_line);
// Planner workflows (docs/planning.md): paired comparison, parameter sweep, cheapest configuration.
void add_compare_command(CLI::App& app, int& exit_code, const std::string& command_line);
void add_sweep_command(CLI::App& app, int& exit_code, const std::string& command_line);
void add_optimize_command(CLI::App& app, int& exit_code, const std::string& command_line);
// The what-if page in the browser (docs/serve.md).
void add_serve_command(CLI::App& app, int& exit_code);
// Posteriors from observed counts, as a scenario fragment (docs/uncertainty.md).
void add_calibrate_command(CLI::App& app, int& exit_code);

// The command line as typed, quoted for a POSIX shell where needed (app/run_options.cpp).
std::string command_line_text(int argc, const char* const* argv);

}  // namespace kyoten::app
