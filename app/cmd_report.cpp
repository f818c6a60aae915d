// `kyoten report DIR`: the charts and the HTML/PDF report are drawn by analysis/ (Python: pandas,
// matplotlib), which reads only the results directory.
#include <memory>
#include <string>
#include <vector>

#include "app/analysis_child.hpp"
#include "app/commands.hpp"

namespace kyoten::app {

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
    if (!is_results_directory("report", opts->dir)) {
      exit_code = 2;
      return;
    }
    std::vector<std::string> args = {"report", opts->dir, "--lang", opts->lang};
    if (!opts->out.empty()) args.insert(args.end(), {"--out", opts->out});
    exit_code = run_analysis("report", args);
  });
}

}  // namespace kyoten::app
