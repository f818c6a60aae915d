#include "app/analysis_child.hpp"

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "app/child_process.hpp"

namespace kyoten::app {
namespace {

std::string env_or(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::string(v) : fallback;
}

}  // namespace

bool is_results_directory(const std::string& command, const std::string& dir) {
  std::error_code ec;
  if (std::filesystem::is_regular_file(std::filesystem::path(dir) / "summary.json", ec)) return true;
  // A sweep's database (or a run's results.db): analysis/ tells them apart and checks them.
  if (command == "report" && std::filesystem::path(dir).extension() == ".db" &&
      std::filesystem::is_regular_file(dir, ec))
    return true;
  std::error_code ec2;
  for (const char* decision : {"comparison.json", "optimize.json"})  // `compare --out`, `optimize --out`
    if (command == "report" && std::filesystem::is_regular_file(std::filesystem::path(dir) / decision, ec2)) return true;
  const bool unreadable = ec && ec != std::errc::no_such_file_or_directory && ec != std::errc::not_a_directory;
  std::cerr << "kyoten " << command << ": " << dir << ": "
            << (unreadable ? "cannot be read: " + ec.message()
                           : std::string("not a results directory (no summary.json") +
                                 (command == "report" ? ", comparison.json or optimize.json)" : ")"))
            << "; write one with `kyoten run SCENARIO.toml --out DIR`"
            << (command == "report" ? " (or `kyoten compare`/`optimize … --out DIR`)" : "") << "\n";
  return false;
}

int run_analysis(const std::string& command, const std::vector<std::string>& args) {
  const std::string python = env_or("KYOTEN_PYTHON", "/usr/bin/python3");
  const std::string analysis = env_or("KYOTEN_ANALYSIS_DIR", std::string(KYOTEN_SOURCE_DIR) + "/analysis");
  std::vector<std::string> argv = {"-m", "kyoten_analysis"};
  argv.insert(argv.end(), args.begin(), args.end());
  // analysis/ is found through PYTHONPATH, ahead of whatever the user had there.
  const std::string old = env_or("PYTHONPATH", "");
  const std::string path = old.empty() ? analysis : analysis + ":" + old;
  const int code = run_child(python, argv, {.environment = {{"PYTHONPATH", path}}});
  if (code == kCannotStart) {
    std::cerr << "kyoten " << command << ": cannot start " << python << " (set KYOTEN_PYTHON)\n";
    return 2;
  }
  return code;
}

}  // namespace kyoten::app
