// `kyoten report DIR`: the charts and the HTML/PDF report are drawn by analysis/ (Python: pandas,
// matplotlib), which reads only the results directory. This command finds Debian's interpreter (never the
// first python3 on PATH, which may not see Debian's packages) and hands over.
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "app/child_process.hpp"
#include "app/commands.hpp"

namespace kyoten::app {
namespace {

std::string env_or(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::string(v) : fallback;
}

}  // namespace

void add_report_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("report", "Write the HTML and PDF report of a results directory (Japanese by default)");
  struct Options {
    std::string dir, lang = "ja", out;
  };
  auto opts = std::make_shared<Options>();
  cmd->add_option("DIR", opts->dir, "Results directory written by `kyoten run`")->required();
  cmd->add_option("--lang", opts->lang, "Report language")->check(CLI::IsMember({"ja", "en"}));
  cmd->add_option("--out", opts->out, "Path of the HTML report (default DIR/report_<lang>.html)");
  cmd->callback([opts, &exit_code] {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(std::filesystem::path(opts->dir) / "summary.json", ec)) {
      const bool unreadable = ec && ec != std::errc::no_such_file_or_directory && ec != std::errc::not_a_directory;
      std::cerr << "kyoten report: " << opts->dir << ": "
                << (unreadable ? "cannot be read: " + ec.message() : std::string("not a results directory (no summary.json)"))
                << "; write one with `kyoten run SCENARIO.toml --out DIR`\n";
      exit_code = 2;
      return;
    }
    const std::string python = env_or("KYOTEN_PYTHON", "/usr/bin/python3");
    const std::string analysis = env_or("KYOTEN_ANALYSIS_DIR", std::string(KYOTEN_SOURCE_DIR) + "/analysis");
    std::vector<std::string> args = {"-m", "kyoten_analysis", "report", opts->dir, "--lang", opts->lang};
    if (!opts->out.empty()) args.insert(args.end(), {"--out", opts->out});
    // analysis/ is found through PYTHONPATH, ahead of whatever the user had there.
    const std::string old = env_or("PYTHONPATH", "");
    const std::string path = old.empty() ? analysis : analysis + ":" + old;
    exit_code = run_child(python, args, {.environment = {{"PYTHONPATH", path}}});
    if (exit_code == kCannotStart) {
      std::cerr << "kyoten report: cannot start " << python << " (set KYOTEN_PYTHON)\n";
      exit_code = 2;
    }
  });
}

}  // namespace kyoten::app
