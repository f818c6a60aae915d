#include "app/commands.hpp"
namespace kyoten::app {
void add_verify_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("verify", "Check the engine against queueing theory (placeholder)");
  cmd->callback([&exit_code] { exit_code = 0; });
}
}  // namespace kyoten::app
