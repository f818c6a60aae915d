// The `kyoten` command line: parses, hands over to models/ and sim/, reports. No modelling happens here.
#include <CLI/CLI.hpp>
#include <iostream>

#include "app/commands.hpp"
#include "app/common_options.hpp"
#include "kyoten_version.hpp"

int main(int argc, char** argv) {
  CLI::App app{"kyoten — capacity planning for community life support hubs (地域生活支援拠点等)"};
  app.set_version_flag("--version", std::string("kyoten ") + kyoten::kVersion);
  app.require_subcommand(1);
  int exit_code = 0;
  kyoten::app::add_verify_command(app, exit_code);
  kyoten::app::add_validate_command(app, exit_code);
  kyoten::app::add_report_command(app, exit_code);
  kyoten::app::add_export_command(app, exit_code);
  const std::string command_line = kyoten::app::command_line_text(argc, argv);
  kyoten::app::add_run_command(app, exit_code, command_line);
  kyoten::app::add_compare_command(app, exit_code, command_line);
  kyoten::app::add_sweep_command(app, exit_code, command_line);
  kyoten::app::add_optimize_command(app, exit_code, command_line);
  kyoten::app::add_calibrate_command(app, exit_code);
  kyoten::app::add_serve_command(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    // CLI11 uses 0 for --help/--version; every usage error is bad input: exit 2.
    return code == 0 ? 0 : 2;
  } catch (const kyoten::InputErrors& e) {  // each command reports its own; this is the net under them
    kyoten::app::print_input_errors(e);
    return kyoten::app::kBadInput;
  } catch (const std::exception& e) {  // never an abort: the environment failed (disk, memory, a path)
    std::cerr << "kyoten: " << e.what() << '\n';
    return kyoten::app::kFailed;
  }
  return exit_code;
}
