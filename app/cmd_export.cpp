// `kyoten export DIR --xlsx [--csv-bom]`: the budget office's workbook of a results directory (sheets of cost
// by fiscal year and budget line in 千円, budget comparison, indicators, counts by fiscal year, assumptions),
// written by analysis/ (Python, openpyxl) like `kyoten report`.
#include <memory>
#include <string>
#include <vector>

#include "app/analysis_child.hpp"
#include "app/commands.hpp"

namespace kyoten::app {

void add_export_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand(
      "export", "Write a results directory's tables for Excel: DIR/workbook_<lang>.xlsx, and with --csv-bom "
                "DIR/tables_<lang>/*.csv (UTF-8 with BOM)");
  struct Options {
    std::string dir, lang = "ja", out;
    bool xlsx = false, csv_bom = false;
  };
  auto opts = std::make_shared<Options>();
  cmd->add_option("DIR", opts->dir, "Results directory written by `kyoten run`")->required();
  cmd->add_flag("--xlsx", opts->xlsx, "The .xlsx workbook, one sheet per table (the default)");
  cmd->add_flag("--csv-bom", opts->csv_bom, "Each table as CSV in UTF-8 with a BOM (Excel on Japanese Windows)");
  cmd->add_option("--lang", opts->lang, "Language of sheet names and headers")->check(CLI::IsMember({"ja", "en"}));
  cmd->add_option("--out", opts->out, "Folder for the files (default DIR)");
  cmd->callback([opts, &exit_code] {
    if (!is_results_directory("export", opts->dir)) {
      exit_code = 2;
      return;
    }
    std::vector<std::string> args = {"export", opts->dir, "--lang", opts->lang};
    if (opts->xlsx) args.emplace_back("--xlsx");
    if (opts->csv_bom) args.emplace_back("--csv-bom");
    if (!opts->out.empty()) args.insert(args.end(), {"--out", opts->out});
    exit_code = run_analysis("export", args);
  });
}

}  // namespace kyoten::app
